using OutreachBot.Chat.Cards;
using OutreachBot.Features.Directory;
using OutreachBot.Features.Reminders;
using OutreachBot.Features.StageTwo;

namespace OutreachBot.Tests.Chat;

public sealed class CardActionCodecTests
{
    [Fact]
    public void A_card_action_read_back_from_its_button_is_the_action_it_was_built_from()
    {
        var sent = new RecordOutcome("o-1", "pay-core", OutcomeWords.Refused, Reason: "focused-on-core");

        var button = CardActions.Verb("Refused", sent);
        var read = CardActionCodec.Read<RecordOutcome>(button.Data);

        Assert.Equal(sent, read);
        Assert.Equal(RecordOutcome.Verb, button.Verb);
    }

    [Fact]
    public void The_verbs_of_buttons_already_posted_in_chats_still_name_the_same_actions()
    {
        string[] posted =
        [
            "targetDepartment", "recordContact", "recordOutcome", "addTargetWithOutcome", "bookMeeting", "editPrep", "showPitch", "editPitch",
            "changePitchSupport", "askPerson", "recordReferral", "remindAt", "cancelReminder", "reminderDone", "snoozeReminder",
            "stage2.switch", "stage2.focus", "stage2.partner",
        ];

        string[] typed =
        [
            VerbOf<TargetDepartment>(), VerbOf<RecordContact>(), VerbOf<RecordOutcome>(), VerbOf<AddTargetWithOutcome>(), VerbOf<BookMeeting>(),
            VerbOf<EditPrep>(), VerbOf<ShowPitch>(), VerbOf<EditPitch>(), VerbOf<ChangePitchSupport>(), VerbOf<AskPerson>(), VerbOf<RecordReferral>(),
            VerbOf<RemindAt>(), VerbOf<CancelReminder>(), VerbOf<ReminderDone>(), VerbOf<SnoozeReminder>(),
            VerbOf<SwitchOutreach>(), VerbOf<FocusOutreach>(), VerbOf<ChoosePartner>(),
        ];

        Assert.Equal(posted, typed);
    }

    [Fact]
    public void A_button_carries_its_verb_and_camel_case_fields_and_leaves_out_what_is_not_given()
    {
        var button = CardActions.Verb("Snooze 1 hour", new SnoozeReminder("r-1", "hour"));

        Assert.Equal(new Dictionary<string, string> { ["verb"] = "snoozeReminder", ["id"] = "r-1", ["until"] = "hour" }, button.Data);
        Assert.Equal(button.Data, ((SubmitAction)button.Fallback).Data);
        Assert.DoesNotContain("person", CardActions.Verb("I sent it", new RecordContact("o-1", "risk")).Data.Keys);
    }

    [Fact]
    public void Data_of_a_card_posted_before_typed_actions_is_still_read_with_the_inputs_the_user_filled_in()
    {
        var posted = new Dictionary<string, string>
        {
            ["verb"] = "recordContact",
            ["outreachId"] = "o-1",
            ["departmentId"] = "risk",
            ["route"] = "OrgChart",
            ["defaultPerson"] = "",
            ["person"] = "Ming Li",
            ["message"] = "Hello, could we talk about the risk API?",
        };

        var read = CardActionCodec.Read<RecordContact>(posted);

        Assert.Equal(new RecordContact("o-1", "risk", "OrgChart", "Ming Li", null, "Hello, could we talk about the risk API?"), read);
    }

    [Fact]
    public void A_stage_two_partner_button_keeps_the_short_names_its_cards_have_always_carried()
    {
        var button = CardActions.Verb("Brief", new ChoosePartner("o-1", "risk", "brief"));

        Assert.Equal(
            new Dictionary<string, string> { ["verb"] = "stage2.partner", ["outreach"] = "o-1", ["department"] = "risk", ["command"] = "brief" },
            button.Data);
    }

    [Fact]
    public void The_toggles_of_a_confirmation_card_are_named_after_the_introduction_they_confirm()
    {
        var read = CardActionCodec.Read<RecordReferral>(new Dictionary<string, string>
        {
            ["verb"] = "recordReferral",
            ["departmentId"] = "risk",
            ["path"] = "p-1>p-2>p-3",
            ["via"] = "Manager>SameDepartment",
            ["confirmed"] = "true",
            [RecordReferral.Introduction(1)] = "true",
        });

        Assert.True(read.IsConfirmed());
        Assert.Equal("intro1", RecordReferral.Introduction(1));
    }

    [Theory]
    [InlineData("departmentId")]
    [InlineData("outcome")]
    public void A_button_without_a_required_field_is_refused_as_malformed(string missing)
    {
        var data = new Dictionary<string, string> { ["outreachId"] = "o-1", ["departmentId"] = "pay-core", ["outcome"] = "refused" };
        data.Remove(missing);

        Assert.Throws<MalformedCardActionException>(() => CardActionCodec.Read<RecordOutcome>(data));
    }

    [Fact]
    public void A_blank_required_field_counts_as_missing()
    {
        var data = new Dictionary<string, string> { ["outreachId"] = "  ", ["departmentId"] = "pay-core", ["outcome"] = "refused" };

        Assert.Throws<MalformedCardActionException>(() => CardActionCodec.Read<RecordOutcome>(data));
    }

    [Fact]
    public void Field_names_are_matched_exactly_as_cards_write_them()
    {
        var data = new Dictionary<string, string> { ["OUTREACHID"] = "o-1", ["departmentId"] = "pay-core", ["outcome"] = "refused" };

        Assert.Throws<MalformedCardActionException>(() => CardActionCodec.Read<RecordOutcome>(data));
    }

    [Fact]
    public void A_pitch_variant_the_bot_never_wrote_is_refused_as_malformed()
    {
        var forged = CardActionCodec.Read<ShowPitch>(new Dictionary<string, string> { ["outreachId"] = "o-1", ["departmentId"] = "risk", ["variant"] = "everything" });

        Assert.Throws<MalformedCardActionException>(() => forged.ChosenVariant());
        Assert.Equal(Domain.Outreaches.PitchVariant.AskForPointer, ShowPitch.Of("o-1", "risk", Domain.Outreaches.PitchVariant.AskForPointer).ChosenVariant());
    }

    private static string VerbOf<TAction>()
        where TAction : ICardAction => TAction.Verb;
}
