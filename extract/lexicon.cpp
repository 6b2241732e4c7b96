#include "extract/lexicon.h"

#include <algorithm>
#include <unordered_set>

namespace claimdex {
namespace {

bool InSet(const std::unordered_set<std::string_view>& set, std::string_view word) {
  return set.count(word) != 0;
}

std::vector<CueEntry> BuildCues() {
  // Verbs a reporter uses both ways: "X said" and "..., said X".
  static const char* const kInvertible[] = {
      "said", "says", "say", "added", "adds", "wrote", "writes", "explained", "explains", "noted",
      "notes", "argued", "argues", "continued", "continues", "asked", "acknowledged", "recalled",
      "insisted", "insists", "stated", "states", "observed", "remarked", "replied", "responded",
      "countered", "cautioned", "warned", "warns", "concluded", "declared", "announced", "tweeted",
      "posted", "emphasized", "emphasised", "stressed", "contended", "maintained", "predicted",
      "claimed", "suggested", "told reporters", "said in a statement", "told", "reported",
      "reports", "said in an interview",
      // "“...,” agrees Michelle Stevens", "“...,” joked the senator".
      "agreed", "agrees", "conceded", "admitted", "joked", "quipped", "mused", "opined", "declares",
      "complained",
      // "“I am still Sanders,” it read", "the email reads, “...”".
      "read", "reads"};
  // Verbs that only take their speaker on the left ("X believes that ...").
  static const char* const kLeftOnly[] = {
      "believes", "believe", "believed", "thinks", "think", "thought", "argue", "arguing", "saying",
      "adding", "noting", "explaining", "warning", "insisting", "suggesting", "suggests", "suggest",
      "claims", "claim", "claiming", "stresses", "stressing", "emphasizes", "emphasises",
      "emphasizing", "asserts", "asserted", "assert", "asserting", "contends", "maintains",
      "predicts", "predicting", "acknowledges", "acknowledging", "pointed out", "points out",
      "pointing out", "pointed to", "points to", "observes", "confirmed", "confirms", "revealed",
      "reveals", "announces", "declares", "expressed", "expresses", "has expressed", "wrote in",
      "told", "tells", "telling", "urged", "urges", "urging", "called", "calls", "calling",
      "called for", "calls for", "call", "described", "describes", "describing", "sees", "saw",
      "views", "viewed", "see", "view", "considers", "considered", "accused", "accuses", "accusing",
      "criticized", "criticised", "criticizes", "criticizing", "praised", "praises", "dismissed",
      "rejected", "denied", "denies", "agreed", "agrees", "expects", "expected", "fears", "feared",
      "hopes", "hoped", "worries", "worried", "advocates", "advocated", "advocating", "refutes",
      "refuted", "outlines", "outlined", "highlights", "highlighted", "highlighting",
      "raises the concern", "raised the concern", "raised concerns", "raises concerns",
      "made the case", "makes the case", "testified", "recommends", "recommended", "proposed",
      "proposes", "estimated", "estimates", "concludes", "recalls", "replies", "responds",
      "cautions", "wrote that", "admits", "admitted", "conceded", "concedes", "complained",
      "complains", "questioned", "questions", "doubts", "doubted", "insist", "warn", "stress",
      "note", "explain", "add", "tell",
      // Base forms after plural subjects ("critics
      // contend", "experts worry that").
      "contend", "admit", "concede", "deny", "maintain", "complain", "worry that", "worries that",
      "worried that", "fear that", "doubt that",
      // Positions and reports, the next most frequent cue
      // spans of the PolNeAR training attributions.
      "reported", "reports", "show", "shows", "showed", "showing", "found", "finds", "indicated",
      "indicates", "wants", "want", "wanted", "sought", "seeks", "seeking", "plans", "planned",
      "promised", "promises", "promising", "pledged", "pledges", "vowed", "vows", "endorsed",
      "endorses", "supporting", "supports", "supported", "backing", "backed", "backs", "opposed",
      "opposes", "opposing", "defended", "defends", "defending", "refused", "refuses", "declined",
      "citing", "cited", "cites", "called on", "calls on", "recalling", "denounced", "denouncing",
      "denounces", "decried", "decries", "blamed", "blames", "blaming", "blasted", "blasts",
      "attacked", "attacks", "slammed", "slams", "mocked", "knocked", "charged", "challenged",
      "condemned", "condemns", "lamented", "railed against", "mentioned", "reiterated", "echoed",
      "assured", "answered", "recounted", "went on to say", "made it clear", "made clear",
      "talked about", "talking about", "spoke about", "referring to", "referred to", "announcing",
      "declaring", "stating", "hoping", "fear", "hope", "feel", "feels", "felt", "know", "knows",
      "knew", "insisting", "vowing", "pledging", "demanded", "demands", "demanding", "welcomed",
      "welcomes", "applauded", "hailed", "touted", "touting", "boasted", "bragged", "joked",
      "quipped", "admitted", "conceding", "alleged", "alleges", "alleging", "wondered", "agreeing",
      "disagreed", "disagrees", "objected", "argue that", "signaled", "signalled", "hinted",
      "informed", "assured", "reassured", "emailed", "testifying", "recommend", "proposing",
      // Acts that put a position on record.
      "signed an executive order", "signed an order", "signed a bill", "signed legislation",
      "signed a letter", "signed a law", "signs a bill", "issued a statement",
      "released a statement", "ordered", "orders", "directed", "instructed",
      // Further cue spans of the PolNeAR training set
      // seen three times or more (counts only).
      "support", "oppose", "would support", "agree", "agree with", "agreed with", "favor",
      "favored", "prefer", "prefers", "preferred", "asking", "asks", "ask", "discussed",
      "discussing", "expect", "expecting", "put it", "puts it", "unveiled", "unveils", "thanked",
      "ruled", "portrayed", "portraying", "attacking", "reminds", "reminded", "pointing to",
      "point to", "repeated", "compared", "questioning", "acknowledge", "assures", "requested",
      "promise", "chanted", "shouted", "yelled", "bragging about", "encouraging", "encouraged",
      "rebuts", "mocks", "mocking", "quoted", "quoting", "threatening", "threatened", "shot back",
      "calling on", "remarking", "mentioning", "retweeted", "tweeting", "implied", "implying",
      "slamming", "dismissing", "dismisses", "refers to", "predict", "assailed", "sided with",
      "blame", "envision", "bemoaned", "interjected", "downplayed", "disclosed", "touts",
      "rejecting", "conclude", "defend", "chiding", "celebrated", "endorse", "express",
      "took issue with", "lays out", "laid out", "apologized for", "reaffirmed", "went after",
      "responded to", "warned of", "would vote for", "wrote on twitter", "wrote on facebook",
      "pointed out that",
      // "took to Twitter, writing: “...”": the
      // participle only before what was written.
      "writing that", "writing:",
      // Verb cues of the PolNeAR training attributions
      // whose words head a cue in at least a third of
      // their uses there (base forms left out: they are
      // mostly infinitives inside other content).
      "offered", "mentions", "discuss", "discusses", "praising", "refusing", "pleaded", "endorsing",
      "embraced", "presented", "hints", "reminding", "referenced", "championed", "likened",
      "blasting",
      // Other forms of the verbs above that PolNeAR
      // training attributions use as cues. (Not those
      // that were mostly wrong on the training texts:
      // "offering", "repeating", "thanking", "comparing",
      // "echoing", "believing", "favors", a noun as often.)
      "offers", "charges that", "compares", "referencing", "lamenting", "laments", "rejects",
      "bemoaning", "yells", "admitting", "fearing", "challenging", "challenges", "decrying",
      "champions", "threatens", "chided", "applauds", "branded", "dubbed", "labeled", "has learned",
      "have learned",
      // Headline verbs ("Black Lawmakers Rip Trump").
      "rip", "rips", "hammers"};
  std::vector<CueEntry> cues;
  std::unordered_set<std::string_view> seen;
  for (const char* phrase : kInvertible) {
    seen.insert(phrase);
    CueEntry entry;
    entry.phrase = phrase;
    entry.may_invert = std::string_view(phrase) != "told";
    entry.takes_object = std::string_view(phrase) == "told";
    cues.push_back(entry);
  }
  static const std::unordered_set<std::string_view> kObjectVerbs = {
      "told",      "tells",     "telling",    "urged",      "urges",      "urging",
      "called",    "calls",     "calling",    "accused",    "accuses",    "accusing",
      "praised",   "praises",   "criticized", "criticised", "criticizes", "criticizing",
      "described", "describes", "describing", "tell",       "endorsed",   "endorses",
      "supports",  "supported", "supporting", "backed",     "backs",      "backing",
      "opposed",   "opposes",   "opposing",   "defended",   "defends",    "defending",
      "blamed",    "blames",    "blaming",    "blasted",    "blasts",     "attacked",
      "attacks",   "slammed",   "slams",      "mocked",     "knocked",    "charged",
      "challenged","condemned", "condemns",   "denounced",  "denounces",  "denouncing",
      "cited",     "cites",     "citing",     "welcomed",   "welcomes",   "applauded",
      "hailed",    "touted",    "touting",    "informed",   "assured",    "reassured",
      "called on", "calls on", "ordered",    "orders",     "directed",   "instructed"};
  for (const char* phrase : kLeftOnly) {
    if (!seen.insert(phrase).second) continue;
    CueEntry entry;
    entry.phrase = phrase;
    entry.takes_object = InSet(kObjectVerbs, phrase);
    cues.push_back(entry);
  }
  // Positions taken with a verb and its preposition: what follows is what they are about.
  static const char* const kPrepositional[] = {"talked about",
                                               "wrote about",
                                               "complained about",
                                               "warned about",
                                               "warned against",
                                               "cautioned against",
                                               "argued against",
                                               "argued for",
                                               "spoke out against",
                                               "spoke against",
                                               "lashed out at",
                                               "pushed for",
                                               "advocated for",
                                               "pressed for",
                                               "lobbied for",
                                               "lobbied against",
                                               "campaigned for",
                                               "campaigned against",
                                               "voted for",
                                               "voted against",
                                               "voted in favor of",
                                               "voted in favour of",
                                               "fought for",
                                               "fought against",
                                               "rallied against",
                                               "bragged about",
                                               "boasted about",
                                               "joked about",
                                               "weighed in on",
                                               "commented on",
                                               "came out against",
                                               "came out in favor of",
                                               "expressed support for",
                                               "expressed concern about",
                                               "expressed concerns about",
                                               "voiced support for",
                                               "voiced concern about",
                                               "voiced concerns about",
                                               "raised questions about",
                                               "pushed back on",
                                               "pushed back against",
                                               "took aim at",
                                               "criticized",
                                               "calls for",
                                               "calling for",
                                               "push for",
                                               "argue for",
                                               "argue against",
                                               "warn against",
                                               "warning against",
                                               "talks about"};
  for (const char* phrase : kPrepositional) {
    if (!seen.insert(phrase).second) continue;
    CueEntry entry;
    entry.phrase = phrase;
    cues.push_back(entry);
  }
  // Adjectives of a position after a form of "be": "X is critical of", "was adamant that".
  static const char* const kAdjectival[] = {
      "critical of",   "skeptical of",  "sceptical of",  "concerned about", "worried about",
      "wary of",       "opposed to",    "supportive of", "in favor of",     "in favour of",
      "confident that", "convinced that", "adamant that", "hopeful that",   "optimistic that",
      "pessimistic about", "optimistic about", "unhappy with", "frustrated with",
      "angry about",   "upset about",   "dismissive of", "doubtful that",   "certain that"};
  for (const char* phrase : kAdjectival) {
    if (!seen.insert(phrase).second) continue;
    CueEntry entry;
    entry.phrase = phrase;
    entry.after_be = true;
    cues.push_back(entry);
  }
  CueEntry according;
  according.phrase = "according to";
  according.kind = CueKind::kAccordingTo;
  cues.push_back(according);
  // "In a CNN poll, Clinton led ...", "Trump has a decisive lead in the polls": a poll is
  // the source (claims.cpp takes "in" only before a poll or survey).
  CueEntry in_poll;
  in_poll.phrase = "in";
  in_poll.kind = CueKind::kAccordingTo;
  cues.push_back(in_poll);
  auto words = [](const CueEntry& e) { return std::count(e.phrase.begin(), e.phrase.end(), ' '); };
  std::stable_sort(cues.begin(), cues.end(),
                   [&](const CueEntry& a, const CueEntry& b) { return words(a) > words(b); });
  return cues;
}

}  // namespace

const std::vector<CueEntry>& SpeechCues() {
  static const std::vector<CueEntry> cues = BuildCues();
  return cues;
}

bool IsOneWordCue(std::string_view folded) {
  static const auto* words = [] {
    auto* out = new std::unordered_set<std::string_view>();
    for (const CueEntry& e : SpeechCues()) {
      if (e.kind == CueKind::kVerb && e.phrase.find(' ') == std::string::npos) {
        out->insert(e.phrase);
      }
    }
    return out;
  }();
  return words->count(folded) != 0;
}

const std::vector<std::string_view>& CountryNames() {
  static const std::vector<std::string_view> kCountries = {
      "Afghanistan", "Argentina",   "Australia",    "Austria",      "Bangladesh",
      "Belarus",     "Belgium",     "Brazil",       "Britain",      "Canada",
      "Chile",       "China",       "Colombia",     "Cuba",         "Denmark",
      "Egypt",       "Ethiopia",    "Finland",      "France",       "Germany",
      "Greece",      "Hungary",     "India",        "Indonesia",    "Iran",
      "Iraq",        "Ireland",     "Israel",       "Italy",        "Japan",
      "Kenya",       "Kuwait",      "Lebanon",      "Libya",        "Malaysia",
      "Mexico",      "Morocco",     "Myanmar",      "Netherlands",  "New Zealand",
      "Nigeria",     "North Korea", "Norway",       "Pakistan",     "Philippines",
      "Poland",      "Portugal",    "Qatar",        "Romania",      "Russia",
      "Saudi Arabia", "Singapore",  "South Africa", "South Korea",  "Spain",
      "Sweden",      "Switzerland", "Syria",        "Taiwan",       "Thailand",
      "Turkey",      "Ukraine",     "United Arab Emirates", "United Kingdom", "United States",
      "Venezuela",   "Vietnam",     "Yemen"};
  return kCountries;
}

bool IsCueNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "point",      "argument", "view",       "position", "belief",     "concern", "message",
      "contention", "claim",    "assessment", "warning",  "conclusion", "verdict"};
  return InSet(kNouns, w);
}

bool IsVerbFiller(std::string_view w) {
  static const std::unordered_set<std::string_view> kFillers = {
      "has",      "have",       "had",        "also",  "is",        "was",        "are",
      "were",     "been",       "has",        "later", "further",   "even",       "itself",
      "himself",  "herself",    "themselves", "then",  "recently",  "previously", "publicly",
      "directly", "repeatedly", "would",      "will",  "did",       "does",       "do",
      "once",     "often",      "again",      "still", "already",   "reportedly", "frequently",
      "flatly",   "bluntly",    "simply",     "too",   "similarly", "separately", "privately",
      "openly",   "now",        "first",      "last",  "just",      "long",       "had",
      "may",      "might",      "could",      "has",   "firmly",    "strongly",   "clearly",
      "both",     "however"};
  if (InSet(kFillers, w)) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "only" && w != "early";
}

bool IsDiscourseOpener(std::string_view w) {
  static const std::unordered_set<std::string_view> kOpeners = {
      "however",      "well",        "but",         "and",        "so",        "now",
      "still",        "meanwhile",   "indeed",      "also",       "instead",   "yet",
      "then",         "moreover",    "furthermore", "separately", "similarly", "likewise",
      "nevertheless", "nonetheless", "yes",         "in",         "fact",      "addition",
      "short",        "sum",         "turn",        "particular", "his",       "her",
      "own",          "words",       "finally",     "later",      "earlier",   "today",
      "yesterday",    "even",        "ultimately"};
  return InSet(kOpeners, w);
}

bool IsNameStopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      // "Everything Trump says": indefinite pronouns open no name.
      "everything", "everyone",   "everybody",  "nothing",   "nobody",    "something",
      "someone",   "somebody",    "anything",   "anyone",    "anybody",   "each",
      "every",     "all",         "both",       "either",    "neither",   "whatever",
      "the",       "a",           "an",         "in",        "on",        "at",
      "of",        "for",         "to",         "and",       "or",        "but",
      "if",        "when",        "as",         "by",        "with",      "from",
      "this",      "that",        "these",      "those",     "it",        "its",
      "he",        "she",         "they",       "we",        "i",         "you",
      "his",       "her",         "their",      "our",       "my",        "your",
      "there",     "here",        "what",       "why",       "how",       "who",
      "where",     "which",       "while",      "after",     "before",    "since",
      "so",        "yet",         "not",        "no",        "yes",       "mr",
      "mrs",       "ms",          "dr",         "monday",    "tuesday",   "wednesday",
      "thursday",  "friday",      "saturday",   "sunday",    "january",   "february",
      "march",     "april",       "may",        "june",      "july",      "august",
      "september", "october",     "november",   "december",  "said",      "says",
      "according", "however",     "meanwhile",  "ai",        "us",        "u.s",
      "uk",        "eu",          "ceo",        "president", "secretary", "minister",
      "senator",   "sen",         "rep",        "governor",  "director",  "professor",
      "chairman",  "chief",       "department", "ministry",  "institute", "university",
      "company",   "corporation", "inc",        "group",     "house",     "white",
      "state",     "states",      "united",     "china",     "america",   "american",
      "chinese",   "new",         "street",     "news",      "read",      "more",
      "also",      "all",         "one",        "two",       "first",     "last",
      "then",      "now",         "just",       "even",      "still",     "well",
      "many",      "some",        "most",       "other",     "every",     "each",
      "both",      "despite",     "during",     "under",     "over",      "between",
      "into",      "through",     "about",      "against",   "among",     "around",
      "without",   "within",      "across",     "behind",    "beyond",    "unless",
      "until",     "although",    "though",     "because",   "whether",   "than",
      "such",      "only",        "very",       "later",     "earlier",   "today",
      "yesterday", "tomorrow",    "instead",    "indeed",    "recently",  "finally",
      "asked",     "when",        "speaking",   "writing",   "like",      "unlike",
      "sources",   "officials",
      // "Outside Carrier's plant, a worker ...": a preposition opening a sentence.
      "outside",   "inside",      "near",       "beside",    "along",     "amid",
      "amidst",    "beneath",     "below",      "above",     "toward",    "towards",
      "upon",      "throughout",  "following",  "regarding", "including", "beyond",
      // "Santa Catarina", "Los Angeles", "North Carolina": words that open place names.
      "santa",     "san",         "los",        "las",       "fort",      "mount",
      "lake",      "port",        "north",      "south",     "east",      "west",
      "northern",  "southern",    "eastern",    "western",   "upper",     "lower"};
  return InSet(kStop, w);
}

bool IsHonorific(std::string_view w) {
  static const std::unordered_set<std::string_view> kHonorifics = {"mr",  "mrs", "ms", "dr",
                                                                   "sen", "rep", "gov"};
  return InSet(kHonorifics, w);
}

bool IsAdjunctOpener(std::string_view w) {
  static const std::unordered_set<std::string_view> kOpeners = {
      "in",        "on",       "at",        "during",   "after",    "before",   "via",
      "from",      "last",     "this",      "earlier",  "later",    "yesterday", "today",
      "monday",    "tuesday",  "wednesday", "thursday", "friday",   "saturday", "sunday",
      "over",      "through",  "when",      "while",    "afterward", "afterwards", "recently",
      "privately", "publicly", "repeatedly", "late",    "early",    "with",     "to",
      "for",       "about",    "outside",   "ahead",    "by"};
  return InSet(kOpeners, w);
}

bool IsTitleWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kTitles = {
      "secretary", "president", "senator", "sen", "rep", "representative", "ceo", "cfo", "vp",
      "coo", "cto", "minister", "governor", "gov", "director", "professor", "prof", "dr",
      "chairman", "chairwoman", "chair", "chief", "mayor", "judge", "justice", "ambassador",
      "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "founder", "co-founder",
      "researcher", "fellow", "adviser", "advisor", "commissioner", "general", "admiral", "leader",
      "speaker", "premier", "chancellor", "mr", "mrs", "ms", "czar", "administrator", "attorney",
      "lawmaker", "congressman", "congresswoman", "executive", "head", "strategist", "scientist",
      "engineer", "investor", "nominee", "official", "rev", "reverend", "pastor", "bishop", "rabbi",
      "imam", "lt", "col", "sgt", "capt", "gen", "lieutenant", "colonel", "sergeant", "captain",
      "candidate", "sheriff", "chef", "host", "anchor", "columnist", "correspondent", "editor",
      "pollster", "delegate", "councilman", "councilwoman", "assemblyman", "assemblywoman", "del",
      "reporter", "filmmaker", "photographer", "producer", "activist", "businessman",
      "businesswoman", "comedian", "commentator", "moderator", "superdelegate", "alderman",
      "alderwoman", "pundit",
      // "said Ayotte campaign manager Jon Kohan": roles that name a person after them.
      "manager", "treasurer", "consultant", "lobbyist", "operative", "aide"};
  return InSet(kTitles, w);
}

bool IsGroupNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kGroups = {
      "analysts",     "researchers", "officials",   "experts",         "executives",
      "spokesperson", "spokesman",   "spokeswoman", "representatives", "economists",
      "scholars",     "staff",       "lawyers",     "leaders",         "engineers",
      "scientists",   "report",      "statement",   "study",           "paper",
      "memo",         "filing",      "blog"};
  return InSet(kGroups, w);
}

bool IsSourceNoun(std::string_view w) {
  // From the heads of unnamed sources in news attribution (officials, polls, campaigns) —
  // nouns that stand for people or for documents that speak. Generic nouns that also head
  // ordinary subjects ("people", "man", "year") are left out.
  static const std::unordered_set<std::string_view> kNouns = {
      "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "aide",
      "aides", "adviser", "advisers", "advisor", "advisors", "strategist", "strategists",
      "consultant", "consultants", "analyst", "analysts", "expert", "experts", "economist",
      "economists", "critic", "critics", "supporter", "supporters", "opponent", "opponents",
      "backer", "backers", "ally", "allies", "source", "sources", "insider", "insiders", "lawmaker",
      "lawmakers", "legislator", "legislators", "senator", "senators", "campaign", "administration",
      "poll", "polls", "survey", "surveys", "pollster", "pollsters", "polling", "study", "studies",
      "report", "reports", "analysis", "statement", "memo", "filing", "lawsuit", "complaint",
      "indictment", "editorial", "researchers", "scientists", "investigators", "prosecutors",
      "prosecutor", "authorities", "police", "diplomats", "regulators", "activists", "advocates",
      "organizers", "protesters", "witnesses", "residents", "voters", "delegates", "superdelegates",
      "donors", "democrats", "republicans", "conservatives", "liberals", "commentators",
      "observers", "operatives", "lawyers", "attorneys", "lawyer", "attorney", "executives",
      "employees", "workers", "staffers", "leaders", "members", "candidate", "nominee", "committee",
      "spokesmen", "spokeswomen", "representatives", "scholars", "researcher", "scientist",
      "investigator", "documents", "records", "data", "figures", "estimates", "website", "ad",
      "ads", "video", "letter", "release", "judge", "court", "agency", "department", "ministry",
      "group", "groups", "union", "team", "board", "panel", "executive", "historian", "professor",
      "family", "relatives", "parents", "ruling", "decision", "order", "opinion", "book", "article",
      "story", "newspaper", "network", "channel", "magazine", "clip", "narrator", "transcript",
      "tweet", "post", "message", "email", "emails", "commission", "council", "institute",
      "foundation", "center", "announcer", "moderator", "host", "anchor", "reporter", "interviewer",
      "congressman", "congresswoman", "governor", "mayor", "president", "chairman", "chairwoman",
      "secretary", "ambassador", "minister", "columnist", "author", "writer", "director", "founder",
      "lobbyists", "lobbyist", "surrogate", "surrogates", "caller", "slide", "chart", "businessman",
      "businesswoman", "billionaire", "physician", "doctor", "verdict", "audit", "percent",
      "respondents", "majority", "minority", "commissioner", "commissioners", "officer", "officers",
      "inspector", "auditor", "regulator", "sheriff", "manager", "administrator", "treasurer",
      "comptroller", "ceo", "chief", "coach", "pastor", "statistics", "demonstrators", "marchers",
      "students", "teachers", "veterans", "farmers", "environmentalists", "conservationists",
      "academics", "database", "databases", "tally", "count", "average", "journal",
      // Further heads of unnamed sources in the PolNeAR training attributions.
      "candidates", "company", "companies", "party", "parties", "government", "media", "rivals",
      "politicians", "organization", "organizations", "campaigns", "contenders", "firm", "camp",
      "audience", "crowd", "admirers", "friends", "results", "research", "investigation",
      "leadership", "establishment", "front-runner", "manager", "networks", "journalists",
      "administrators", "physicians", "doctors", "officers", "agencies", "unions", "fans",
      "followers", "reviewers", "consultants", "bank", "banks", "brief", "countries", "nations",
      "governments",
      // Voices of the web: "one commenter wrote". (Not "user", a modifier as often: "user
      // reports"; not "listeners", as often who heard.)
      "commenter", "commenters", "blogger", "bloggers", "netizens",
      // The other side of "critics" and "supporters".
      "proponents", "skeptics", "sceptics", "detractors", "defenders", "naysayers",
      // Plurals and kin of heads above.
      "averages", "analyses", "commentary", "speechwriter", "speechwriters", "pundit", "pundits",
      "columnists", "editors", "historians", "professors", "authors", "writers",
      "journalist", "scholar", "demographers", "city", "county", "university", "hospital", "justices",
      "mayors", "friend", "questioner", "colleague", "colleagues", "neighbor", "neighbors"};
  return InSet(kNouns, w);
}

bool IsDeterminer(std::string_view w) {
  static const std::unordered_set<std::string_view> kDeterminers = {
      "the",  "a",     "an",    "some",  "many",  "most",  "several", "few",   "two",
      "three","four",  "five",  "six",   "seven", "eight", "nine",    "ten",   "dozens",
      "other","both",  "all",   "this",  "that",  "these", "those",   "another","one",
      "its",  "their", "his",   "her",   "our",   "numerous", "multiple", "various"};
  return InSet(kDeterminers, w);
}

bool IsSourceModifier(std::string_view w) {
  static const std::unordered_set<std::string_view> kModifiers = {
      "senior",    "top",        "former",     "current",     "local",       "federal",
      "state",     "government", "administration", "campaign", "intelligence", "military",
      "police",    "health",     "election",   "party",       "independent", "anonymous",
      "unnamed",   "other",      "outside",    "leading",     "prominent",   "new",
      "recent",    "latest",     "national",   "public",      "private",     "legal",
      "company",   "industry",   "defense",    "security",    "foreign",     "economic",
      "congressional", "republican", "democratic", "conservative", "liberal", "progressive",
      "u.s",       "u.s.",       "us",         "european",    "chinese",     "american",
      "white",     "house",      "justice",    "department",  "state's",     "city",
      "county",    "school",     "university", "law",         "enforcement", "human",
      "rights",    "civil",      "trade",      "tax",         "budget",      "policy",
      "gop",       "democrat",   "longtime",   "veteran",     "some",        "many",
      "early",     "exit",       "internal",   "statewide",   "nationwide",  "joint",
      "written",   "prepared",   "separate",   "brief",       "official",    "court"};
  return InSet(kModifiers, w) || IsDeterminer(w);
}

const std::vector<WeightedPhrase>& EvaluativePhrases() {
  static const std::vector<WeightedPhrase> phrases = {{"important", 1},
                                                      {"essential", 1},
                                                      {"crucial", 1},
                                                      {"vital", 1},
                                                      {"necessary", 1},
                                                      {"necessity", 1},
                                                      {"effective", 0.7},
                                                      {"well-enforced", 1},
                                                      {"wise", 1},
                                                      // Not "works"/"worked" alone: they
                                                      // are mostly about jobs ("who now
                                                      // works at").
                                                      {"works well", 0.5},
                                                      {"worked well", 0.5},
                                                      {"has worked", 0.5},
                                                      {"have worked", 0.5},
                                                      {"are working", 0.5},
                                                      {"needed", 0.7},
                                                      {"primary means", 1},
                                                      // Not "key"/"critical" alone: "key
                                                      // supplier", "critical minerals".
                                                      {"is key", 0.5},
                                                      {"are key", 0.5},
                                                      {"remain key", 0.5},
                                                      {"is critical", 0.7},
                                                      {"are critical", 0.7},
                                                      {"critical of", -0.7},
                                                      {"strengthen", 0.7},
                                                      {"strengthening", 0.7},
                                                      {"stricter", 0.7},
                                                      {"tighten", 0.7},
                                                      {"tightening", 0.5},
                                                      {"stay the course", 1},
                                                      {"make sense", 0.7},
                                                      {"makes sense", 0.7},
                                                      {"make any sense", 0.7},
                                                      {"makes any sense", 0.7},
                                                      {"made sense", 0.7},
                                                      {"success", 0.5},
                                                      {"succeeded", 0.7},
                                                      {"justified", 1},
                                                      {"smart", 0.5},
                                                      {"backfire", -1},
                                                      {"backfired", -1},
                                                      {"backfires", -1},
                                                      {"fail", -1},
                                                      {"failed", -1},
                                                      {"failure", -1},
                                                      {"fails", -1},
                                                      {"weaken", -1},
                                                      {"weakens", -1},
                                                      {"overly restrictive", -1},
                                                      {"stifle", -1},
                                                      {"stifling", -1},
                                                      {"counterproductive", -1},
                                                      {"quixotic", -1},
                                                      {"strange", -0.7},
                                                      {"wrong", -1},
                                                      {"hurt", -0.7},
                                                      {"hurts", -0.7},
                                                      {"harm", -0.7},
                                                      {"harms", -0.7},
                                                      {"misguided", -1},
                                                      {"futile", -1},
                                                      {"pointless", -1},
                                                      {"silver bullet", -0.5},
                                                      {"diminish the case", -1},
                                                      {"undermine", -0.7},
                                                      {"undermines", -0.7},
                                                      {"mistake", -1},
                                                      {"no sense", -1},
                                                      {"ineffective", -1},
                                                      {"over-regulating", -1},
                                                      {"severely criticized", -1},
                                                      {"criticized", -0.5},
                                                      {"loopholes", 0.3},
                                                      {"circumvent", 0.5},
                                                      {"circumventing", 0.5},
                                                      {"circumvented", 0.5},
                                                      {"evade", 0.5},
                                                      {"evading", 0.5},
                                                      {"smuggling", 0.5},
                                                      {"victory for china", -1},
                                                      {"win for china", -1},
                                                      {"gift to china", -1},
                                                      {"boon for china", -1},
                                                      {"huge victory", -0.5},
                                                      {"mixed feelings", 0},
                                                      {"open question", 0},
                                                      {"worried", -0.5},
                                                      {"gatekeeper", -0.3},
                                                      {"innovate around", -0.7},
                                                      {"force them to", -0.5},
                                                      {"driving force behind innovation", -0.7}};
  return phrases;
}

const std::vector<std::string>& ReversalPhrases() {
  static const std::vector<std::string> phrases = {
      "reverse",      "reversing", "reversed",     "reversal",    "lift",      "lifting",
      "lifted",       "revoke",    "revoking",     "revoked",     "scrap",     "scrapping",
      "scrapped",     "roll back", "rolling back", "rolled back", "walk back", "walk it back",
      "walking back", "loosen",    "loosening",    "ease",        "easing",    "overturn",
      "overturning",  "abandon",   "abandoning",   "repeal",      "repealing", "backing down",
      "back down",
      // Denials turn the evaluation they report around just the same.
      "refutes", "refuted", "refute", "rejects the notion", "rejected the notion",
      "dismisses the notion", "dismissed the notion", "rejects the idea", "rejected the idea",
      "disputes", "disputed"};
  return phrases;
}

bool IsNegator(std::string_view w) {
  static const std::unordered_set<std::string_view> kNeg = {
      "not", "no", "never", "neither", "nor", "without", "hardly", "cannot", "nothing"};
  if (InSet(kNeg, w)) return true;
  return w.size() > 3 && w.substr(w.size() - 3) == "n't";
}

bool IsPrepositionBeforeName(std::string_view w) {
  return w == "to" || w == "of" || w == "for" || w == "with" || w == "from" || w == "by" ||
         w == "at" || w == "against" || w == "about";
}

bool IsDash(std::string_view folded) {
  return folded == "\u2014" || folded == "\u2015" || folded == "\u2013";
}

bool IsClosingQuoteMark(std::string_view folded) {
  return folded == "\u201d" || folded == "\"" || folded == "\u00bb";
}

}  // namespace claimdex
