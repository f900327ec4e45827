using OutreachBot.Chat.Understanding;
using OutreachBot.Domain.Understanding;

namespace OutreachBot.Features.Directory;

/// <summary>The recognizer over the live directory's departments and people, built once per directory version.</summary>
public sealed class DirectoryNaturalLanguage(LiveDirectory directory) : INaturalLanguage
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrgDirectory, RequestRecognizer> recognizers = [];

    public RecognizedRequest Read(string text, ChatSession session)
    {
        var recognizer = recognizers.GetValue(directory.Current.Directory, d => new RequestRecognizer(DepartmentNames.Of(d)));
        return recognizer.Recognize(text, new RecognitionContext(session.LocalNow.DateTime));
    }
}
