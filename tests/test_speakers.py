"""Speaker attribution: cue verbs on either side, pronouns and role nouns resolved, names."""

from __future__ import annotations

import pytest

from attribution import article_from_text
from attribution.extract import canonical_speaker, same_speaker, split_title
from attribution.extract.sentences import punkt


def credits(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker, q.speaker_mention, q.cue) for q in article_from_text(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\u201cThe levee held,\u201d said Hugh Hill, a doctor at the clinic.",
            [("Hugh Hill", "Hugh Hill", "said")],
            id="cue-then-name-with-appositive",
        ),
        pytest.param(
            "\u201cThe levee held,\u201d Hill, a doctor at the clinic, said.",
            [("Hill", "Hill", "said")],
            id="name-appositive-then-cue",
        ),
        pytest.param(
            "Gov. Laura Petersen said: \u201cWe will not raise the gas tax this year.\u201d",
            [("Laura Petersen", "Gov. Laura Petersen", "said")],
            id="colon-before-quote-title-stripped",
        ),
        pytest.param(
            "\u201cWe are ready for the storm,\u201d the agency said in a statement.",
            [("the agency", "the agency", "said")],
            id="organisation-common-noun",
        ),
        pytest.param(
            "\u201cIt was a mistake,\u201d she told reporters.",
            [(None, "she", "told")],
            id="pronoun-without-antecedent-stays-unknown",
        ),
        pytest.param(
            "The report was released by Sen. Maria Ortiz on Monday. \u201cIt was a mistake,\u201d "
            "she told reporters.",
            [("Maria Ortiz", "she", "told")],
            id="pronoun-to-last-named-person",
        ),
        pytest.param(
            "The Health Ministry issued a statement on Friday. \u201cVaccines are safe,\u201d "
            "the statement said.",
            [("the Health Ministry", "the statement", "said")],
            id="the-statement-to-its-issuer",
        ),
        pytest.param(
            "\u201cWe will open the border,\u201d according to Interior Minister Rafael Duarte.",
            [("Rafael Duarte", "Interior Minister Rafael Duarte", "according to")],
            id="according-to",
        ),
        pytest.param(
            "\u201cThe net is for everyone.\u201d \u2014 Commissioner Geoffrey Starks",
            [("Geoffrey Starks", "Commissioner Geoffrey Starks", "\u2014")],
            id="dash-byline",
        ),
        pytest.param(
            "Ana Ruiz, the mayor, spoke first. Later, Ruiz added, \u201cThe bridge opens in May.\u201d",
            [("Ana Ruiz", "Ruiz", "added")],
            id="surname-to-fullest-name",
        ),
        pytest.param(
            "\u201cWe expect delays,\u201d tweeted Dana Cole on Sunday.",
            [("Dana Cole", "Dana Cole", "tweeted")],
            id="inverted-cue-tweeted",
        ),
        pytest.param(
            "Dana Cole called the plan \u201creckless\u201d and \u201ca gift to developers.\u201d",
            [("Dana Cole", "Dana Cole", "called"), ("Dana Cole", "Dana Cole", "called")],
            id="fragments-of-one-sentence-share-its-speaker",
        ),
        pytest.param(
            "\u201cThe levee held,\u201d said Hugh Hill, a doctor who has worked at the clinic in "
            "Basra for more than twenty years and saw the flood of 2019. \u201cThe town did not.\u201d",
            [("Hugh Hill", "Hugh Hill", "said"), ("Hugh Hill", "Hugh Hill", "said")],
            id="next-quote-of-the-paragraph-keeps-the-speaker",
        ),
        pytest.param(
            "\u201cThe levee held.\u201d \u201cThe town did not,\u201d Hill said.",
            [("Hill", "Hill", "said"), ("Hill", "Hill", "said")],
            id="quote-before-takes-the-next-quotes-speaker",
        ),
        pytest.param(
            "Dana Cole said the mayor\u2019s remarks were \u201cout of line.\u201d",
            [("Dana Cole", "Dana Cole", "said")],
            id="a-cue-word-after-a-possessive-is-a-noun",
        ),
        pytest.param(
            "Critics said the late-night tweets showed a \u201creckless streak.\u201d",
            [("Critics", "Critics", "said")],
            id="a-cue-word-after-an-adjective-is-a-noun",
        ),
        pytest.param(
            "\u201cWe are ready,\u201d Dana Cole told the Riverton Post.",
            [("Dana Cole", "Dana Cole", "told")],
            id="a-capitalised-cue-word-is-part-of-a-name",
        ),
        pytest.param(
            "Ruiz defended the plan on Monday, saying, \u201cIt is the only way.\u201d",
            [("Ruiz", "Ruiz", "saying")],
            id="participle-takes-the-clause-subject",
        ),
        pytest.param(
            "Hill thanked the crews and added: \u201cThey saved the bridge.\u201d",
            [("Hill", "Hill", "added")],
            id="second-verb-takes-the-clause-subject",
        ),
        pytest.param(
            "At the meeting, Ortiz took to the microphone to warn that the bridge was "
            "\u201ca death trap.\u201d",
            [("Ortiz", "Ortiz", "warn")],
            id="infinitive-takes-the-clause-subject-after-an-opening-phrase",
        ),
        pytest.param(
            "Donna Reyes, 59, of Riverton, who watched the vote from the gallery, said the "
            "council had \u201cfailed the town.\u201d",
            [("Donna Reyes", "Donna Reyes", "said")],
            id="name-before-several-appositives",
        ),
        pytest.param(
            "Tom Baker -- the owner of the ferry company that runs the harbor route -- told me, "
            "\u201cWe lose money every day.\u201d",
            [("Tom Baker", "Tom Baker", "told")],
            id="name-before-a-dashed-appositive",
        ),
        pytest.param(
            "The council turned to the Harbor Authority, which reported \u201c212 cracked "
            "beams\u201d in its survey.",
            [("the Harbor Authority", "the Harbor Authority", "reported")],
            id="relative-pronoun-speaks-for-its-antecedent",
        ),
        pytest.param(
            "City Attorney Ana Ruiz said in the letter that the ad \u201cwrongly\u201d suggests that "
            "Riverton supports the plan.",
            [("Ana Ruiz", "City Attorney Ana Ruiz", "said")],
            id="a-clause-after-an-inverted-cue-is-no-speaker",
        ),
        pytest.param(
            "Cole sang to the mayor before asking her, \u201cWhere do we go from here?\u201d",
            [("Cole", "Cole", "asking")],
            id="an-object-pronoun-is-a-listener",
        ),
        pytest.param(
            "Mayor Ana Ruiz has a new slogan for the campaign: \u201cFix it first.\u201d",
            [("Ana Ruiz", "Mayor Ana Ruiz", None)],
            id="colon-without-a-cue-credits-the-subject",
        ),
        pytest.param(
            "Ruiz said the plan was \u201cthe right call\u201d when Cole said it cost too much.",
            [("Ruiz", "Ruiz", "said")],
            id="a-fragment-belongs-to-the-cue-before-it",
        ),
        pytest.param(
            "Dana Cole spoke first. She\u2019s arguing that the levy is \u201ca tax on families.\u201d",
            [("Dana Cole", "She", "arguing")],
            id="contracted-pronoun",
        ),
        pytest.param(
            "Cole backed Ana Ruiz\u2019s \u201cpay as you go\u201d plan for the bridge.",
            [("Ana Ruiz", "Ana Ruiz", None)],
            id="possessive-owns-the-words",
        ),
        pytest.param(
            "Fact-checkers examined Ruiz\u2019s claim that the bridge carries \u201c40,000 cars a "
            "day.\u201d",
            [("Ruiz", "Ruiz", None)],
            id="possessive-before-a-speech-noun",
        ),
        pytest.param(
            "Following a late-night meeting, the Riverton council issued a statement calling "
            "the vote \u201ca betrayal.\u201d",
            [("the Riverton council", "a statement", "calling")],
            id="participle-after-a-noun-is-its-own-and-the-statement-its-issuers",
        ),
        pytest.param(
            "The spot ends with footage of Ruiz saying, \u201cWe will build it.\u201d",
            [("Ruiz", "Ruiz", "saying")],
            id="participle-right-after-a-name",
        ),
        pytest.param(
            "Said Ellis: \u201cI do not see any plan.\u201d",
            [("Ellis", "Ellis", "Said")],
            id="cue-opening-the-sentence",
        ),
        pytest.param(
            "Twenty-two years ago, a Riverton Times article hailed Ruiz as \u201cThe Comeback "
            "Mayor.\u201d",
            [("the Riverton Times", "a Riverton Times article", "hailed")],
            id="opening-time-phrase-is-no-subject",
        ),
        pytest.param(
            "Gov. John Hale met Sen. Maria Ortiz on Monday. \u201cWe agreed on the bridge,\u201d "
            "he said.",
            [("John Hale", "he", "said")],
            id="he-skips-the-nearer-woman-by-first-name",
        ),
        pytest.param(
            "Mrs. Okafor thanked Mr. Lindqvist for the grant. \u201cIt saved the school,\u201d she "
            "said.",
            [("Okafor", "she", "said")],
            id="she-finds-the-woman-by-title",
        ),
        pytest.param(
            "Mayor Ana Ruiz met Maria Ortiz on Friday.\n\nRuiz says she admired Ortiz\u2019s "
            "courage in what she calls \u201ca brave stand.\u201d",
            [("Ana Ruiz", "she", "calls")],
            id="she-prefers-the-subject-of-her-sentence",
        ),
        pytest.param(
            "\u201cThe veto will be overridden,\u201d Senate Majority Leader Dana Cole, R-Ky., said "
            "Tuesday.",
            [("Dana Cole", "Senate Majority Leader Dana Cole", "said")],
            id="appositive-with-an-abbreviation",
        ),
        pytest.param(
            "The city may wait until spring, Ruiz said. \u201cThe steel has not come yet.\u201d",
            [("Ruiz", "Ruiz", "said")],
            id="attribution-ending-the-sentence-before",
        ),
        pytest.param(
            "On May 6, Ruiz made the following comment:\n\n\u201cWe will not wait for the state.\u201d",
            [("Ruiz", "Ruiz", None)],
            id="colon-sentence-before-without-a-cue",
        ),
        pytest.param(
            "When my mother asked, I laughed and said, \u201cI do not believe it.\u201d",
            [(None, "I", "said")],
            id="first-person-writer",
        ),
        pytest.param(
            "\u201cWe are not leaving,\u201d Ruiz said on Monday, \u201cuntil the budget is fixed.\u201d",
            [("Ruiz", "Ruiz", "said"), ("Ruiz", "Ruiz", "said")],
            id="split-quote-is-one-statement-with-one-speaker",
        ),
        pytest.param(
            "Calling the levy \u201ca tax on families,\u201d Dana Cole voted against it.",
            [("Dana Cole", "Dana Cole", "Calling")],
            id="opening-participle-takes-the-subject-after-the-quote",
        ),
        pytest.param(
            "Ruiz has often used the phrase \u201cfix it first\u201d in her campaign.",
            [("Ruiz", "Ruiz", "used")],
            id="used-the-phrase",
        ),
        pytest.param(
            "The city used the \u201cemergency\u201d money to pave the road.",
            [(None, None, None)],
            id="used-without-a-phrase-credits-nobody",
        ),
        pytest.param(
            "The storm closed the coast road, and the bridge stayed shut all week.",
            [],
            id="no-quote-no-speaker",
        ),
        pytest.param(
            "\u201cWhy is the bridge still closed?\u201d Ortiz demanded.",
            [("Ortiz", "Ortiz", "demanded")],
            id="question-then-its-attribution-is-one-sentence",
        ),
        pytest.param(
            "\u201cThe bridge is safe.\u201d \u2015 Dana Cole",
            [("Dana Cole", "Dana Cole", "\u2014")],
            id="horizontal-bar-byline",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke to reporters.\n\n\u201cThe bridge will open in May,\u201d Ruiz "
            "said.\n\n\u201cWe have the money for it.\u201d",
            [("Ana Ruiz", "Ruiz", "said"), ("Ana Ruiz", "Ruiz", "said")],
            id="quote-paragraph-inherits-previous-speaker",
        ),
        pytest.param(
            "\u201cElections matter,\u201d Kelly said. \u201cLook at the records.\u201d",
            [("Kelly", "Kelly", "said"), ("Kelly", "Kelly", "said")],
            id="a-name-ending-in-ly-is-no-adverb",
        ),
        pytest.param(
            "\u201cWe are done here,\u201d Dana Cole angrily said.",
            [("Dana Cole", "Dana Cole", "said")],
            id="a-manner-adverb-between-speaker-and-cue",
        ),
        pytest.param(
            "\u201cGo back to your studio,\u201d the candidate barked.",
            [("the candidate", "the candidate", "barked")],
            id="any-verb-after-a-subject-right-after-the-quote",
        ),
        pytest.param(
            "\u201cNot one more cut,\u201d an angry Dana Cole fired back.",
            [("Dana Cole", "an angry Dana Cole", "fired")],
            id="words-describing-a-named-speaker-are-no-name",
        ),
        pytest.param(
            "\u201cThe library stays open,\u201d said the 46-year-old.",
            [("the 46-year-old", "the 46-year-old", "said")],
            id="an-age-is-a-speaker-noun",
        ),
        pytest.param(
            "\u201cWe were lied to,\u201d said one owner of a bakery on Main Street.",
            [("one owner", "one owner", "said")],
            id="inverted-speaker-ends-at-its-noun",
        ),
        pytest.param(
            "\u201cThe road is closed,\u201d the driver was told.",
            [(None, None, None)],
            id="a-passive-cue-has-the-listener-for-subject",
        ),
        pytest.param(
            "In 2016, Mrs. Ana Ruiz endorsed the levy, saying it was \u201clong overdue.\u201d",
            [("Ana Ruiz", "Mrs. Ana Ruiz", "saying")],
            id="an-honorific-opens-a-subject",
        ),
        pytest.param(
            "\u201cWhat does that mean?\u201d Mr. Cole asked. \u201cWho was there?\u201d",
            [("Cole", "Mr. Cole", "asked"), ("Cole", "Mr. Cole", "asked")],
            id="a-question-and-its-attribution-are-one-sentence",
        ),
        pytest.param(
            "''What does that mean?'' Mr. Cole asked. ''Who was there?''",
            [("Cole", "Mr. Cole", "asked"), ("Cole", "Mr. Cole", "asked")],
            id="typed-double-marks-too",
        ),
        pytest.param(
            "Flooding closed roads across the county. In Dallas, \u201cthe water came up fast,\u201d "
            "officials said.",
            [("officials", "officials", "said")],
            id="a-place-is-never-a-speaker",
        ),
        pytest.param(
            "\u201cIt is a disaster,\u201d the spokesman, Daniel Obi, said.",
            [("Daniel Obi", "Daniel Obi", "said")],
            id="a-role-then-the-name-set-off-by-commas",
        ),
        pytest.param(
            "\u201cI will fight for you,\u201d Democrat Hillary Clinton said.",
            [("Hillary Clinton", "Democrat Hillary Clinton", "said")],
            id="a-party-word-is-a-title-not-a-first-name",
        ),
        pytest.param(
            "\u201cThis is a mistake,\u201d the Center for American Progress said in a statement.",
            [
                (
                    "the Center for American Progress",
                    "the Center for American Progress",
                    "said",
                )
            ],
            id="an-organisation-keeps-its-whole-name",
        ),
        pytest.param(
            "Council President Daniel Reyes said he had counted the votes. Council member Amal "
            "Haddad spoke next. \u201cWe have waited long enough,\u201d she said.\n\n"
            "Reyes agreed with her. He added that \u201cwe will have the votes.\u201d",
            [("Amal Haddad", "she", "said"), ("Daniel Reyes", "He", "added")],
            id="he-is-the-subject-before-not-the-last-quoted-speaker",
        ),
        pytest.param(
            "Senator Dana Cole said it was wrong for Judge Mark Hale to criticize Tom Lyle. "
            "\u201cIt raises doubts,\u201d she said.",
            [("Dana Cole", "she", "said")],
            id="she-is-the-woman-not-the-last-person-named",
        ),
        pytest.param(
            "Senator Tom Lyle said it was wrong for Judge Mark Hale to criticize the mayor. "
            "\u201cIt raises doubts,\u201d he said.",
            [("Tom Lyle", "he", "said")],
            id="he-is-the-subject-of-the-sentence-before",
        ),
        pytest.param(
            "After meeting Tom Lyle, Mark Hale said he would vote yes. \u201cIt is time,\u201d he "
            "said.",
            [("Mark Hale", "he", "said")],
            id="a-person-in-an-opening-phrase-is-not-the-subject",
        ),
        pytest.param(
            "Around 200 people marched downtown, chanting \u201cno more closures.\u201d",
            [("200 people", "200 people", "chanting")],
            id="an-opening-preposition-is-no-speaker",
        ),
        pytest.param(
            "In a statement to the Herald, her adviser, Jake Lund, said: \u201cWe disagree.\u201d",
            [("Jake Lund", "Jake Lund", "said")],
            id="a-prepositional-phrase-before-the-subject-is-passed-over",
        ),
        pytest.param(
            "Pollsters agree - Dana Cole: \u201cThe lead is real.\u201d",
            [("Dana Cole", "Dana Cole", None)],
            id="a-name-right-before-the-colon",
        ),
        pytest.param(
            "The plan is late, Mr. Hale said, adding that it was \u201cstill on track.\u201d",
            [("Hale", "Mr. Hale", "adding")],
            id="a-participle-after-a-cue-is-that-cue-s-speaker",
        ),
        pytest.param(
            "O\u2019Malley, who served as governor, interjected to say: \u201cThey are wrong.\u201d",
            [("O\u2019Malley", "O\u2019Malley", "say")],
            id="as-is-no-clause-opener",
        ),
        pytest.param(
            "\u201cYou winning?\u201d she said to nobody in particular.",
            [(None, "she", "said")],
            id="an-unresolved-pronoun-keeps-its-own-mention",
        ),
        pytest.param(
            "When Cole suggested that the county would sue, Ruiz fired back: \u201cLet them.\u201d",
            [("Ruiz", "Ruiz", None)],
            id="the-last-clause-before-a-colon-introduces-the-quote",
        ),
        pytest.param(
            "\u201cWhy now?\u201d asked WKRN moderator Dana Cole.",
            [("Dana Cole", "WKRN moderator Dana Cole", "asked")],
            id="a-role-in-lower-case-between-an-outlet-and-a-name",
        ),
        pytest.param(
            '"MR. O\'NEILL: We have no comment at this time."',
            [("O'Neill", "MR. O'NEILL", None)],
            id="a-transcript-label-with-an-apostrophe-inside-the-quote",
        ),
        pytest.param(
            "\u201cPARTICIPANT: Why was the road closed?\u201d",
            [("Participant", "PARTICIPANT", None)],
            id="a-transcript-label-that-is-a-role",
        ),
        pytest.param(
            "Mayor Ana Ruiz hired a consulting firm, Hale Strategies LLC, to review the plan. "
            "\u201cIt was the right call,\u201d she said.",
            [("Ana Ruiz", "she", "said")],
            id="she-is-never-a-firm-named-just-before",
        ),
        pytest.param(
            "Asked about the delay, Mayor Ana Ruiz said the crews had worked through the night. "
            "\u201cWe will have the bridge open by Friday.\u201d",
            [("Ana Ruiz", "Mayor Ana Ruiz", "said")],
            id="a-bare-quote-after-her-reported-speech-in-the-paragraph",
        ),
        pytest.param(
            "Councillor Tom Okafor, visibly tired, responded by waving at the crowd, saying the "
            "vote was over.\n\n\u201cI am done arguing about this. Go home.\u201d",
            [("Tom Okafor", "Councillor Tom Okafor", "responded")],
            id="a-bare-quote-opening-the-paragraph-after-his-reported-speech",
        ),
        pytest.param(
            "Ana Ruiz sat in the front row. In response, she said the plan was sound. "
            "\u201cNobody has shown me a better one.\u201d",
            [("Ana Ruiz", "she", "said")],
            id="a-bare-quote-after-she-said-goes-on-with-her",
        ),
        pytest.param(
            "The residents' association said the plan was flawed. "
            "\u201cNobody asked the people who live here.\u201d",
            [(None, None, None)],
            id="a-bare-quote-after-a-group-s-reported-speech-is-not-guessed",
        ),
        pytest.param(
            "\u201cIt is late,\u201d said Ana Ruiz. Tom Okafor said the plan was sound. "
            "\u201cWe go on.\u201d",
            [("Ana Ruiz", "Ana Ruiz", "said"), ("Tom Okafor", "Tom Okafor", "said")],
            id="a-bare-quote-goes-on-with-the-latest-reported-speaker",
        ),
        pytest.param(
            "Ana Ruiz said the plan was sound, and the crowd cheered. "
            "\u201cNobody has shown me a better one,\u201d and then more words followed.",
            [(None, None, None)],
            id="a-quote-with-words-after-it-is-no-bare-quote",
        ),
        pytest.param(
            "Former governor Ann Lee called the use of emergency orders \u201cquite reckless.\u201d",
            [("Ann Lee", "Ann Lee", "called")],
            id="orders-after-an-adjective-is-a-noun-not-the-cue",
        ),
        pytest.param(
            "Ruiz vowed to reopen the pier by executive order if the council kept its "
            "\u201cendless delays.\u201d",
            [("Ruiz", "Ruiz", "vowed")],
            id="by-executive-order-is-a-noun-not-the-executive-ordering",
        ),
        pytest.param(
            "\u201cNo decision has been made,\u201d the statement reads.",
            [("the statement", "the statement", "reads")],
            id="the-statement-reads-stays-a-subject-and-its-verb",
        ),
        pytest.param(
            "Councillor Tom Okafor thanked the crews for \u201cworking through the night.\u201d",
            [("Tom Okafor", "Councillor Tom Okafor", "thanked")],
            id="thanked-someone-for-a-fragment-credits-the-thanker",
        ),
        pytest.param(
            "Ana Ruiz, the mayor, proposed we \u201cstart over with the pier.\u201d",
            [("Ana Ruiz", "Ana Ruiz", "proposed")],
            id="proposed-we-a-fragment-credits-the-proposer",
        ),
        pytest.param(
            "Okafor ripped the council for acting as \u201cjudge and jury\u201d on the pier.",
            [("Okafor", "Okafor", "ripped")],
            id="ripped-someone-for-a-fragment-credits-the-critic",
        ),
        pytest.param(
            "Tom Okafor Jr. said: \u201cThe pier stays open.\u201d",
            [("Tom Okafor Jr", "Tom Okafor Jr.", "said")],
            id="a-name-ending-in-jr-before-the-cue",
        ),
        pytest.param(
            "\u201cThe pier stays open,\u201d Ana Ruiz Sr. said.",
            [("Ana Ruiz Sr", "Ana Ruiz Sr.", "said")],
            id="a-name-ending-in-sr-before-a-trailing-cue",
        ),
        pytest.param(
            "The debate turned to the pier, and a question to Okafor drew laughter. "
            "Donald Reyes went next.\n\nOkafor openly admitted that his answer was "
            "political. \u201cWith an eye to the vote,\u201d he said.",
            [("Okafor", "he", "said")],
            id="he-is-a-surname-the-article-names-that-opens-the-sentence-before",
        ),
        pytest.param(
            "Donald Reyes spoke first.\n\nSometimes tempers flared in the hall. "
            "\u201cWe will not be silenced,\u201d he said.",
            [("Donald Reyes", "he", "said")],
            id="a-word-capitalised-only-to-open-a-sentence-is-no-one-he-can-be",
        ),
        pytest.param(
            "Senator Ray Dunn described the recent terrorist attacks as \u201ca wake-up call.\u201d",
            [("Ray Dunn", "Senator Ray Dunn", "described")],
            id="attacks-after-an-adjective-is-a-noun-not-the-cue",
        ),
        pytest.param(
            "Mayor Ana Ruiz read the report on Monday. Hours later, she issued a statement "
            "calling the delay \u201can insult to every family on the east side.\u201d",
            [("Ana Ruiz", "she", "calling")],
            id="a-statement-she-issued-saying-is-her-words",
        ),
        pytest.param(
            "Rep. Dana Park (D-N.Y.) reacted to the ruling, saying: \u201cThe court got it "
            "wrong.\u201d",
            [("Dana Park", "Rep. Dana Park", "saying")],
            id="a-lawmaker-s-party-and-state-do-not-end-the-sentence",
        ),
        pytest.param(
            "Mayor Ana Ruiz took the microphone. \u201cWe will open the pier again,\u201d she "
            "went on.",
            [("Ana Ruiz", "she", "went")],
            id="she-went-on-after-a-quote-says-who-spoke",
        ),
        pytest.param(
            "\u201cNot a chance,\u201d Okafor shot back.",
            [("Okafor", "Okafor", "shot")],
            id="shot-back-after-a-quote-says-who-spoke",
        ),
        pytest.param(
            "\u201cEnough,\u201d the man went to the door.",
            [(None, None, None)],
            id="went-without-a-particle-of-speech-says-nothing",
        ),
        pytest.param(
            "\u201cThe pier has never cost the town a cent.\u201d\n\n- Ana Ruiz.\n\n"
            "That is not quite right: repairs cost $40,000 last year.",
            [("Ana Ruiz", "Ana Ruiz", "\u2014")],
            id="a-credit-line-under-a-quote-paragraph-names-its-speaker",
        ),
        pytest.param(
            "\u201cThe pier is safe.\u201d\n\n\u2014 Ana Ruiz, mayor of Riverton\n\n"
            "She spoke on Monday.",
            [("Ana Ruiz", "Ana Ruiz", "\u2014")],
            id="a-credit-line-with-a-role-after-the-name",
        ),
        pytest.param(
            "Ruiz called the plan \u201ca disgrace.\u201d\n\n- Riverton Wire.",
            [("Ruiz", "Ruiz", "called")],
            id="a-wire-credit-after-a-fragment-credits-nothing",
        ),
        pytest.param(
            "\u201cThe pier is safe.\u201d\n\n- The council disagreed on Monday.",
            [(None, None, None)],
            id="a-dash-sentence-under-a-quote-is-no-credit-line",
        ),
        pytest.param(
            "Hours later, the Riverton council issued a statement calling the delay "
            "\u201cregrettable.\u201d",
            [("the Riverton council", "a statement", "calling")],
            id="a-statement-a-named-body-issued-keeps-the-statement-as-mention",
        ),
        pytest.param(
            "Councillor Dana Okafor defended the budget on Tuesday: \u201cThe numbers add "
            "up,\u201d she said.",
            [("Dana Okafor", "she", "said")],
            id="a-quote-s-own-cue-after-it-beats-the-framing-colon-before-it",
        ),
        pytest.param(
            "Mayor Tom Reyes weighed in as well, telling a radio host on Monday, \u201cWe "
            "will not close the library,\u201d he said.",
            [("Tom Reyes", "he", "said")],
            id="a-quote-s-own-cue-after-it-beats-a-framing-participle",
        ),
        pytest.param(
            "When a man in the crowd shouted, \u201cLiar,\u201d Okafor snapped, \u201cSit "
            "down.\u201d",
            [
                ("a man in the crowd", "a man in the crowd", "shouted"),
                ("Okafor", "Okafor", "snapped"),
            ],
            id="a-cue-that-introduces-the-next-quote-is-not-the-first-one-s",
        ),
        pytest.param(
            "Residents urged the council to be \u201cbolder,\u201d but Reyes said the town "
            "could not afford it.",
            [("Residents", "Residents", "urged")],
            id="a-cue-after-a-conjunction-is-a-new-clause-not-the-quote-s-own",
        ),
        pytest.param(
            "Ana Ruiz spoke to the council on Monday: \u201cThe bridge must close,\u201d the "
            "Riverton Courier reported.",
            [("Ana Ruiz", "Ana Ruiz", "spoke")],
            id="a-paper-reporting-a-quote-does-not-take-it-from-its-speaker",
        ),
        pytest.param(
            "\u201cWe were never told,\u201d a reporter for the Riverton Courier said.",
            [
                (
                    "a reporter for the Riverton Courier",
                    "a reporter for the Riverton Courier",
                    "said",
                )
            ],
            id="a-role-for-an-organisation-is-the-role-not-the-organisation",
        ),
        pytest.param(
            "\u201cNot now,\u201d one of the mayor\u2019s aides said.",
            [("one of the mayor\u2019s aides", "one of the mayor\u2019s aides", "said")],
            id="one-of-a-group-is-the-speaker-not-the-group",
        ),
        pytest.param(
            "Sen. Ana Ruiz arrived late. The senator from Ohio said the vote was "
            "\u201ca sham.\u201d",
            [("Ana Ruiz", "The senator from Ohio", "said")],
            id="a-role-with-its-state-is-the-person-introduced-with-that-role",
        ),
        pytest.param(
            "Soon after the storm hit Mayor Tom Reyes\u2019s town, Governor Victor Okafor "
            "toured it. \u201cWe will rebuild,\u201d he said.",
            [("Victor Okafor", "he", "said")],
            id="he-is-the-subject-after-an-opening-phrase-led-by-an-adverb",
        ),
        pytest.param(
            "During the hearing, Victor Okafor mentioned his family, referring to his "
            "brother, who married Tom Reyes\u2019s sister.\n\n\u201cWe are all from "
            "Riverton,\u201d he said.",
            [("Victor Okafor", "he", "said")],
            id="he-is-the-subject-after-the-opening-phrase-not-a-man-named-later",
        ),
        pytest.param(
            "On the subject of another rival, Mr. Tom Reyes, Victor Okafor was asked about "
            "the race.\n\n\u201cHe is a friend,\u201d he said.",
            [("Victor Okafor", "he", "said")],
            id="a-name-set-off-inside-the-opening-phrase-is-not-the-subject",
        ),
        pytest.param(
            "\u201cIs that fair?\u201d Okafor went on, as if no one had objected.",
            [("Okafor", "Okafor", "went")],
            id="a-question-and-a-manner-of-speaking-after-it-are-one-sentence",
        ),
        pytest.param(
            "Back in 2009, Mayor Ruiz praised the plan, telling the Courier: \u201cIt will "
            "pay for itself.\u201d",
            [("Ruiz", "Mayor Ruiz", "telling")],
            id="a-capitalised-word-opening-the-sentence-is-no-name",
        ),
        pytest.param(
            "Shortly afterward, Okafor wrote that he was referring to the budget, "
            "\u201cnot to the mayor himself.\u201d",
            [("Okafor", "Okafor", "referring")],
            id="an-adverb-opening-the-sentence-is-no-name",
        ),
        pytest.param(
            "Led by the council speaker, the rally denounced the plan as \u201ca betrayal.\u201d",
            [("the rally", "the rally", "denounced")],
            id="a-participle-opening-the-sentence-is-no-name-and-a-rally-no-adverb",
        ),
        pytest.param(
            "On Saturday, Mayor Ruiz wrote on Twitter: \u201cThe bridge stays open.\u201d",
            [("Ruiz", "Mayor Ruiz", "wrote")],
            id="the-platform-before-a-colon-is-not-the-speaker",
        ),
        pytest.param(
            "The talks stalled over Okafor\u2019s repeated promise to stay \u201cstrictly "
            "neutral\u201d in the dispute.",
            [("Okafor", "Okafor", None)],
            id="a-speech-noun-owned-through-a-describing-word",
        ),
        pytest.param(
            "When I asked Mayor Tom Reyes if he would run again, he smiled and said, "
            "\u201cAsk me in June.\u201d",
            [("Tom Reyes", "he", "said")],
            id="the-pronoun-subject-of-the-last-clause-speaks-through-and-said",
        ),
        pytest.param(
            "Although Ruiz called the levy \u201cunfair,\u201d Okafor said it would pass.",
            [("Ruiz", "Ruiz", "called")],
            id="a-cue-after-a-quote-that-opens-a-clause-of-its-own-is-no-tag",
        ),
        pytest.param(
            "Okafor praised the plan: \u201cIt works,\u201d Sen. Ana Ruiz said.",
            [("Ana Ruiz", "Sen. Ana Ruiz", "said")],
            id="a-tag-with-a-title-after-a-quote-is-the-quote-s-own",
        ),
        pytest.param(
            "A spokesman for Mayor Tom Reyes said the plan was \u201cdead.\u201d",
            [("Tom Reyes", "A spokesman for Mayor Tom Reyes", "said")],
            id="a-spokesman-speaks-for-whom-the-phrase-names",
        ),
        pytest.param(
            "Secretary of State John Kerry arrived with his press secretary, Ana Ruiz. The "
            "secretary of state said the talks were \u201cuseful.\u201d",
            [("John Kerry", "The secretary of state", "said")],
            id="a-title-with-of-is-one-role-not-a-head-and-its-object",
        ),
        pytest.param(
            "Ana Ruiz, a former mayor, was blunt:\n\n\u201cWe are broke.\u201d",
            [("Ana Ruiz", "Ana Ruiz", None)],
            id="an-aside-after-the-subject-is-not-the-last-clause-s-subject",
        ),
        pytest.param(
            "George Will spoke first.\n\nWill, 74, was blunt:\n\n\u201cWe are broke.\u201d",
            [("George Will", "Will", None)],
            id="a-surname-that-is-also-a-word-opening-the-sentence-with-an-aside",
        ),
        pytest.param(
            "Here is the full statement by Mayor Ana Ruiz: \u201cWe will rebuild.\u201d",
            [("Ana Ruiz", "Mayor Ana Ruiz", None)],
            id="a-statement-by-a-named-person-before-a-colon",
        ),
        pytest.param(
            "Voters backed the \u201cbold plan,\u201d claims Ana Ruiz, the mayor.",
            [("Ana Ruiz", "Ana Ruiz", "claims")],
            id="an-inverted-cue-after-a-quoted-modifier-is-still-a-cue",
        ),
        pytest.param(
            "During the tour, Tom Reyes supporters cheered, and Victor Okafor waved. "
            "\u201cIt is good,\u201d he said.",
            [("Victor Okafor", "he", "said")],
            id="a-name-modifying-a-noun-does-not-act",
        ),
        pytest.param(
            "\u201cWhy not?\u201d Senate Republicans blocked the bill a week later.",
            [(None, None, None)],
            id="a-new-sentence-after-a-question-is-no-manner-tag",
        ),
        pytest.param(
            "\u201cThe vote is close,\u201d said the Courier\u2019s Ana Ruiz.",
            [("Ana Ruiz", "the Courier\u2019s Ana Ruiz", "said")],
            id="a-reporter-named-with-her-paper-is-the-reporter",
        ),
        pytest.param(
            "In response, Ana Ruiz recently presided over a summit run by Mayor Tom Reyes. "
            "\u201cUnity means prosperity,\u201d she said.",
            [("Ana Ruiz", "she", "said")],
            id="she-is-the-subject-acting-through-an-adverb-and-verb",
        ),
        pytest.param(
            "The hearing was so calm that Mayor Tom Reyes was moved to say, \u201cThis is "
            "how it should be.\u201d",
            [("Tom Reyes", "Mayor Tom Reyes", "say")],
            id="the-subject-of-a-passive-before-an-infinitive-cue-speaks",
        ),
        pytest.param(
            "Voters were told that Okafor called the plan \u201ca sham.\u201d",
            [("Okafor", "Okafor", "called")],
            id="that-before-a-name-is-no-part-of-the-speaker",
        ),
        pytest.param(
            "Mayor Tom Reyes backed the home team.\n\nOrtiz openly admitted his pick was "
            "about votes. \u201cI have to live here,\u201d he said.",
            [("Ortiz", "he", "said")],
            id="a-surname-opening-its-sentence-is-he-though-never-printed-inside-one",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke first. Ruiz, who bills herself as the \u201cpeople\u2019s "
            "mayor,\u201d took questions for an hour.",
            [("Ana Ruiz", "Ruiz", None)],
            id="a-self-description-is-the-words-of-the-person-it-describes",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke first. Ruiz closed with a call for the council to "
            "\u201cfinish the job\u201d this year.",
            [("Ana Ruiz", "Ruiz", None)],
            id="a-call-for-something-is-the-words-of-whoever-made-it",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke first. The council ended with a vote on the "
            "\u201cgreen bond\u201d plan.",
            [(None, None, None)],
            id="a-quoted-word-in-a-sentence-without-speech-noun-stays-a-term",
        ),
        pytest.param(
            "Mayor Ana Ruiz took the stage late. She then pushed the council to make them "
            "\u201cpay for every broken promise\u201d at the polls.",
            [("Ana Ruiz", "She", None)],
            id="a-fragment-in-a-sentence-she-opens-acting-is-hers",
        ),
        pytest.param(
            "Mayor Tom Reyes took the stage late. He won most votes among "
            "\u201cfirst-time\u201d voters.",
            [(None, None, None)],
            id="one-or-two-quoted-words-in-his-sentence-stay-a-term",
        ),
        pytest.param(
            "Mayor Tom Reyes took the stage late. He is best known as the \u201cbudget "
            "hawk of Riverton.\u201d",
            [(None, None, None)],
            id="a-described-subject-does-not-speak-the-description",
        ),
        pytest.param(
            "Rep. Ana Ruiz (D-N.M.), speaking after the vote, called the bill a \u201cstarting "
            "point.\u201d",
            [("Ana Ruiz", "Rep. Ana Ruiz", "called")],
            id="no-sentence-opens-with-the-bracket-after-a-lawmaker-s-state",
        ),
        pytest.param(
            "Mayor Ana Ruiz of Riverton lamented the \u201cbroken\u201d state of the budget "
            "and criticized the \u201cpaper savings\u201d on offer.",
            [("Ana Ruiz", "Mayor Ana Ruiz of Riverton", "lamented")] * 2,
            id="a-noun-like-cue-after-a-quoted-modifier-is-a-noun",
        ),
        pytest.param(
            "Otherwise, a paper from the Riverton Institute had this to say: \u201cThe "
            "levy falls hardest on renters.\u201d",
            [("a paper", "a paper", "say")],
            id="an-adverb-in-wise-opening-the-sentence-is-no-name",
        ),
        pytest.param(
            "Stung apparently by the vote, Okafor called the result \u201ca travesty.\u201d",
            [("Okafor", "Okafor", "called")],
            id="a-participle-and-adverb-opening-the-sentence-is-no-name",
        ),
        pytest.param(
            "\u201cWhat a night!\u201d beamed Dana Okafor, a delegate from Ohio.",
            [("Dana Okafor", "Dana Okafor", "beamed")],
            id="a-verb-of-manner-before-the-name-after-a-quote",
        ),
        pytest.param(
            "Buddy Valastro spoke at the town hall.\n\nValastro praised the governor\u2019s "
            "record after the storm.\n\n\u201cWe need someone who gets things done.\u201d",
            [("Buddy Valastro", "Valastro", None)],
            id="a-bare-quote-after-a-paragraph-about-what-a-named-person-did",
        ),
        pytest.param(
            "If Ruiz\u2019s record is any guide, the vote will pass.\n\n\u201cWe are ready.\u201d",
            [(None, None, None)],
            id="a-possessive-opening-the-sentence-before-acts-on-nothing",
        ),
        pytest.param(
            "Voters lined up early.\n\n17-year-old Jared Okafor agreed:\n\n\u201cHe "
            "speaks his mind.\u201d",
            [("Jared Okafor", "17-year-old Jared Okafor", None)],
            id="an-age-before-a-name-is-no-part-of-the-speaker",
        ),
        pytest.param(
            "When the panel sneered at the plan \u2014 and sneer it did \u2014 Ruiz hit "
            "back:\n\n\u201cThe numbers are public.\u201d",
            [("Ruiz", "Ruiz", None)],
            id="after-a-dash-the-last-clause-before-a-colon-in-the-paragraph-before-speaks",
        ),
    ],
)
def test_speaker_found(
    text: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert credits(text) == expected


def test_a_quote_without_any_speaker_is_kept_with_speaker_null() -> None:
    (quote,) = article_from_text("\u201cThe water is rising faster than we feared.\u201d").quotes
    assert quote.speaker is None
    assert quote.text == "The water is rising faster than we feared."


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Prime Minister Adel Abdul Mahdi", "Adel Abdul Mahdi"),
        ("Gov. Laura Petersen", "Laura Petersen"),
        ("Outgoing Prime Minister Abdul-Mahdi", "Abdul-Mahdi"),
        ("Maj. Gen. Ann Ruiz", "Ann Ruiz"),
        ("Sen. Dana Cole\u2019s", "Dana Cole"),
        ("the Iraqi military", "the Iraqi military"),
        ("Fox host Chris Wallace", "Chris Wallace"),
        ("Democrat Hillary Clinton", "Hillary Clinton"),
        ("the Center for American Progress", "the Center for American Progress"),
    ],
)
def test_canonical_speaker_strips_titles(name: str, canonical: str) -> None:
    assert canonical_speaker(name) == canonical


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Adel Abdul Mahdi", "Adil Abdul-Mahdi", True),
        ("Adel Abdul Mahdi", "Abdul-Mahdi", True),
        ("Laura Petersen", "Petersen", True),
        ("George W. Bush", "George Bush", True),
        ("the Iraqi military", "the Iraqi military", True),
        ("Laura Petersen", "Karen Petersen", False),
        ("Maria Ortega", "Maria Ortiz", False),
        ("the Iraqi military", "anti-government protesters", False),
        (None, "Petersen", None),
    ],
)
def test_same_speaker_across_articles(a: str | None, b: str | None, same: bool | None) -> None:
    assert same_speaker(a, b) is same
    assert same_speaker(b, a) is same


# A broad cue lexicon, in both orders: "X cue" and "cue X" (except cues whose object is a
# listener, never a speaker: "told X").
CUES = [
    "said", "says", "told", "added", "asked", "wrote", "tweeted", "argued", "warned",
    "insisted", "explained", "noted", "acknowledged", "declared", "stated", "recalled",
    "continued", "replied", "claimed", "cautioned", "conceded", "stressed", "posted",
]  # fmt: skip


@pytest.mark.parametrize("cue", CUES)
def test_cue_after_the_speaker(cue: str) -> None:
    text = f"\u201cThe bridge opens in May,\u201d Dana Cole {cue}."
    assert credits(text) == [("Dana Cole", "Dana Cole", cue)]


@pytest.mark.parametrize("cue", [c for c in CUES if c != "told"])
def test_cue_before_the_speaker(cue: str) -> None:
    text = f"\u201cThe bridge opens in May,\u201d {cue} Dana Cole, the city engineer."
    assert credits(text) == [("Dana Cole", "Dana Cole", cue)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Interior Ministry closed the coast road on Monday. \u201cIt will reopen soon,\u201d "
            "the ministry said.",
            [("the Interior Ministry", "the ministry", "said")],
            id="the-ministry",
        ),
        pytest.param(
            "The Harbor Authority hired a new spokesman last month. \u201cWe will publish the "
            "survey,\u201d the spokesman said.",
            [("the Harbor Authority", "the spokesman", "said")],
            id="the-spokesman",
        ),
        pytest.param(
            "\u00abLe pont ouvrira en mai\u00bb, said Mayor Anne Leclerc.",
            [("Anne Leclerc", "Mayor Anne Leclerc", "said")],
            id="guillemets",
        ),
        pytest.param(
            "\u201cWe are ready,\u201d said Lt. Gen. Ann Ruiz of the U.S. Army.",
            [("Ann Ruiz", "Lt. Gen. Ann Ruiz", "said")],
            id="abbreviations-inside-a-name",
        ),
    ],
)
def test_role_nouns_and_marks(
    text: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert credits(text) == expected


def test_punkt_runs_on_the_shipped_abbreviations() -> None:
    """Punkt without NLTK data splits `Lt. | Gen.`; the package's list keeps them whole."""
    text = "Lt. Gen. Ann Ruiz met U.S. troops on Sept. 3 in Washington. She left on Friday."
    assert [text[s:e] for s, e in punkt().span_tokenize(text)] == [
        "Lt. Gen. Ann Ruiz met U.S. troops on Sept. 3 in Washington.",
        "She left on Friday.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Gov. Laura Petersen spoke on Monday. \u201cWe will not raise the gas tax,\u201d the governor said.",
            [("Laura Petersen", "the governor", "said")],
            id="the-governor-to-the-person-titled-gov",
        ),
        pytest.param(
            "Pentagon spokesman Jonathan Hoffman briefed reporters. \u201cWe are reviewing it,\u201d the spokesman said.",
            [("Jonathan Hoffman", "the spokesman", "said")],
            id="the-spokesman-to-the-named-spokesman",
        ),
        pytest.param(
            "Transportation Secretary Dana Okafor toured the bridge. \u201cIt is old,\u201d the secretary said.",
            [("Dana Okafor", "the secretary", "said")],
            id="the-secretary-to-the-person-with-a-department-title",
        ),
        pytest.param(
            "A spokesman for the ministry spoke. \u201cThe border stays closed,\u201d the spokesman said.",
            [("the ministry", "the spokesman", "said")],
            id="an-unnamed-spokesman-speaks-for-the-organisation",
        ),
        pytest.param(
            "Martin Luther King Jr. spoke for an hour. \u201cI have a dream,\u201d King said.",
            [("Martin Luther King Jr", "King", "said")],
            id="surname-before-a-suffix",
        ),
    ],
)
def test_role_nouns_and_titles_resolve_to_the_person(
    text: str, expected: list[tuple[str | None, str | None, str | None]]
) -> None:
    assert credits(text) == expected


@pytest.mark.parametrize(
    ("words", "title", "name"),
    [
        ("Transportation Secretary Dana Okafor", "Transportation Secretary", "Dana Okafor"),
        ("Secretary of State John Kerry", "Secretary of State", "John Kerry"),
        ("Prime Minister Adel Abdul Mahdi", "Prime Minister", "Adel Abdul Mahdi"),
        ("Martin Luther King Jr.", "", "Martin Luther King Jr."),
        ("John Major", "", "John Major"),
        ("Dana Cole", "", "Dana Cole"),
    ],
)
def test_split_title_takes_the_whole_title_and_keeps_names(
    words: str, title: str, name: str
) -> None:
    titles, rest = split_title(words.split())
    assert (" ".join(titles), " ".join(rest)) == (title, name)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Lothbury Health Board", "Lothbury Health Board"),
        ("the Office of Governor Laura Petersen", "the Office of Governor Laura Petersen"),
        ("Senate Majority Leader Dana Cole", "Dana Cole"),
    ],
)
def test_organisations_keep_their_words_people_lose_titles(name: str, kept: str) -> None:
    assert canonical_speaker(name) == kept


def test_the_surname_list_holds_surnames_and_no_everyday_words() -> None:
    from attribution.extract.names import common_surnames

    surnames = common_surnames()
    assert {"cruz", "carson", "ortiz", "gonzalez"} <= surnames
    assert not {"young", "king", "long", "brown", "price"} & surnames
