// The local Web Chat page: Web Chat from the bot's own copy of the npm bundle, talking to the bot's Direct Line–
// compatible channel by polling. The language toggle changes the page and the locale Web Chat puts on each message.
(async () => {
  const locales = ['en-US', 'zh-CN'];
  const stored = (key, make) => {
    try {
      const value = localStorage.getItem(key) || make();
      localStorage.setItem(key, value);
      return value;
    } catch {
      return make();
    }
  };
  const randomId = () => 'dl_' + Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  const userId = stored('outreachbot.webchat.user', randomId);
  let locale = stored('outreachbot.webchat.locale', () => (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
  if (!locales.includes(locale)) locale = 'en-US';

  const $ = (id) => document.getElementById(id);
  const settings = await (await fetch('/webchat/settings')).json();
  const showTexts = async () => {
    const texts = settings.texts[locale];
    // Load the web font's slices for these texts first: Chromium may keep drawing boxes for text laid out before them.
    const font = getComputedStyle(document.documentElement).getPropertyValue('--page-font');
    await document.fonts.load(`bold 18px ${font}`, Object.values(texts).join('')).catch(() => { /* system fonts only */ });
    document.documentElement.lang = locale;
    document.title = texts['Page.Title'];
    $('title').textContent = texts['Page.Title'];
    $('intro').textContent = texts['Page.Intro'];
    $('language').textContent = texts['Page.SwitchLanguage'];
    $('language').title = texts['Page.SwitchLanguageHint'];
    $('language').hidden = false;
    return texts;
  };
  const notice = (key) => {
    $('notice').textContent = settings.texts[locale][key];
    $('notice').hidden = false;
  };

  await showTexts();
  if (!settings.bundle) {
    // The build fetches Web Chat on the first run; open it as soon as it is there, no restart of the bot needed.
    notice('Page.MissingBundle');
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      try {
        if ((await (await fetch('/webchat/settings')).json()).bundle) {
          location.reload();
          return;
        }
      } catch { /* the bot is restarting: keep waiting */ }
    }
  }

  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/webchat/webchat.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  }).catch(() => notice('Page.MissingBundle'));
  if (!window.WebChat) return;

  let directLine;
  try {
    const response = await fetch('/v3/directline/tokens/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId }, locale }),
    });
    if (!response.ok) throw new Error(`tokens/generate answered ${response.status}`);
    const { token } = await response.json();
    directLine = window.WebChat.createDirectLine({
      domain: '/v3/directline',
      token,
      webSocket: false,
      pollingInterval: 500,
      conversationStartProperties: { locale },
    });
  } catch (error) {
    console.error(error);
    notice('Page.ConnectFailed');
    return;
  }

  const store = window.WebChat.createStore();
  const render = () => window.WebChat.renderWebChat({
    directLine,
    store,
    userID: userId,
    locale,
    styleOptions: {
      hideUploadButton: true,
      botAvatarInitials: 'OB',
      bubbleMaxWidth: 640,
      primaryFont: getComputedStyle(document.documentElement).getPropertyValue('--page-font').trim(),
    },
  }, $('webchat'));

  directLine.connectionStatus$.subscribe((status) => {
    // 4 = FailedToConnect, 5 = Ended (see botframework-directlinejs ConnectionStatus).
    if (status === 4 || status === 5) notice('Page.ConnectFailed');
  });

  $('language').addEventListener('click', async () => {
    locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
    try { localStorage.setItem('outreachbot.webchat.locale', locale); } catch { /* private mode: this page only */ }
    await showTexts();
    render();
  });
  render();
})();
