// Compiles deploy/main.bicep with the NuGet bicep CLI (through deploy/bicep.sh) and checks what the ARM template deploys.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bicepSh = fileURLToPath(new URL('../../deploy/bicep.sh', import.meta.url));
const compiled = fileURLToPath(new URL('../../deploy/obj/main.json', import.meta.url));
const compiledParams = fileURLToPath(new URL('../../deploy/obj/main.parameters.json', import.meta.url));

const run = (command) => spawnSync('bash', [bicepSh, command], { encoding: 'utf8', timeout: 300_000 });

let build;
let template;
before(() => {
  build = run('build');
  if (build.status === 0) template = JSON.parse(readFileSync(compiled, 'utf8'));
});

const resourcesOfType = (type) => Object.values(template.resources).filter((r) => r.type === type);
const single = (type) => {
  const found = resourcesOfType(type);
  assert.equal(found.length, 1, `expected one ${type}`);
  return found[0];
};

test('bicep build compiles the template and its parameters with no warning', () => {
  assert.equal(build.status, 0, build.stdout + build.stderr);
  assert.match(build.stdout, /no diagnostics/);
});

test('bicep lint finds nothing to report', () => {
  const lint = run('lint');

  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  assert.equal(lint.stderr.replace(/^\s+$/gm, ''), '');
});

test('the parameters file sets every parameter it names to a value the template accepts', () => {
  const { parameters } = JSON.parse(readFileSync(compiledParams, 'utf8'));

  for (const [name, { value }] of Object.entries(parameters)) {
    const declared = template.parameters[name];
    assert.ok(declared, `${name} is not a template parameter`);
    if (declared.allowedValues) assert.ok(declared.allowedValues.includes(value), `${name}=${value}`);
    if (declared.maxLength) assert.ok(value.length <= declared.maxLength, `${name} is too long`);
  }
});

test('the web app runs .NET 10 on Linux, HTTPS only and always on', () => {
  const plan = single('Microsoft.Web/serverfarms');
  const app = single('Microsoft.Web/sites');

  assert.equal(plan.properties.reserved, true);
  assert.equal(app.kind, 'app,linux');
  assert.equal(app.properties.httpsOnly, true);
  assert.equal(app.properties.siteConfig.linuxFxVersion, 'DOTNETCORE|10.0');
  assert.equal(app.properties.siteConfig.alwaysOn, true);
  assert.equal(app.identity.type, 'UserAssigned');
});

test('the app settings select Azure Tables by endpoint and the managed identity as the bot identity, with no secret', () => {
  const settings = Object.fromEntries(single('Microsoft.Web/sites').properties.siteConfig.appSettings.map((s) => [s.name, s.value]));

  assert.equal(settings.Storage__Provider, 'AzureTables');
  assert.match(settings.Storage__AzureTables__Endpoint, /primaryEndpoints\.table/);
  assert.equal(settings.MicrosoftAppType, 'UserAssignedMSI');
  assert.match(settings.MicrosoftAppId, /clientId/);
  assert.equal(settings.AZURE_CLIENT_ID, settings.MicrosoftAppId);
  assert.match(settings.MicrosoftAppTenantId, /tenant\(\)\.tenantId/);
  assert.match(settings.APPLICATIONINSIGHTS_CONNECTION_STRING, /ConnectionString/);
  assert.equal(settings.MicrosoftAppPassword, undefined);
  assert.ok(Object.keys(settings).every((name) => !name.includes(':')), 'Linux app settings cannot contain ":"');
});

test('no storage key is read anywhere and shared-key access is off', () => {
  const storage = single('Microsoft.Storage/storageAccounts');

  assert.equal(storage.properties.allowSharedKeyAccess, false);
  assert.doesNotMatch(JSON.stringify(template), /listKeys|AccountKey|SharedAccessSignature/i);
  assert.equal(resourcesOfType('Microsoft.Storage/storageAccounts/tableServices').length, 1);
});

test('the managed identity is granted Storage Table Data Contributor on the storage account', () => {
  const assignment = single('Microsoft.Authorization/roleAssignments');

  assert.match(assignment.properties.roleDefinitionId, /roleDefinitions', variables\('storageTableDataContributorRoleId'\)/);
  assert.equal(template.variables.storageTableDataContributorRoleId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3');
  assert.match(assignment.properties.principalId, /principalId/);
  assert.equal(assignment.properties.principalType, 'ServicePrincipal');
  assert.match(assignment.scope, /Microsoft\.Storage\/storageAccounts/);
});

test('the Azure Bot uses the managed identity and the app\'s /api/messages endpoint, with Teams enabled', () => {
  const bot = single('Microsoft.BotService/botServices');
  const channel = single('Microsoft.BotService/botServices/channels');

  assert.equal(bot.properties.msaAppType, 'UserAssignedMSI');
  assert.match(bot.properties.msaAppId, /clientId/);
  assert.match(bot.properties.msaAppMSIResourceId, /userAssignedIdentities/);
  assert.match(bot.properties.endpoint, /^\[format\('https:\/\/\{0\}\/api\/messages', reference\(.*defaultHostName/);
  assert.equal(channel.properties.channelName, 'MsTeamsChannel');
  assert.equal(channel.properties.properties.isEnabled, true);
});

test('Application Insights is workspace-based', () => {
  const insights = single('Microsoft.Insights/components');

  assert.match(insights.properties.WorkspaceResourceId, /Microsoft\.OperationalInsights\/workspaces/);
});

test('the deployment outputs what publishing and packaging need: app name and URL, bot id and domain', () => {
  for (const name of ['appName', 'appUrl', 'botId', 'botDomain']) assert.ok(template.outputs[name], name);
  assert.match(template.outputs.botId.value, /userAssignedIdentities.*clientId/);
});
