// Given names and the sex they usually mark, for pronoun resolution ("she" is not Brian
// Fallon) and for reading a person's name out of a title-case headline. Written for this
// project from common English-language usage and names frequent in political news.

#include <string_view>
#include <unordered_set>

#include "extract/lexicon.h"

namespace claimdex {

std::string_view GivenNameGender(std::string_view w, bool with_common_words) {
  static const std::unordered_set<std::string_view> kFemale = {
      "abigail",   "agnes",     "alexandria", "alice",     "alison",    "allison",   "amanda",
      "amelia",    "amy",       "ana",        "andrea",    "angela",    "ann",       "anna",
      "anne",      "audrey",    "ava",        "ayanna",    "barbara",   "beatrice",  "becky",
      "beth",      "betsy",     "betty",      "beverly",   "brenda",    "brittany",  "brooke",
      "caitlin",   "carla",     "carmen",     "carol",     "carolyn",   "catherine", "cathy",
      "chelsea",   "cheryl",     "chloe",     "christina", "christine", "cindy",
      "claire",    "claudia",   "colleen",    "condoleezza", "cynthia", "daisy",     "danielle",
      "deanna",    "debbie",    "deborah",    "debra",     "denise",    "diana",     "diane",
      "dianne",    "dolores",   "donna",      "doris",     "dorothy",   "edith",     "elaine",
      "eleanor",   "elena",     "elisabeth",  "elizabeth", "ella",      "ellen",     "emily",
      "emma",      "erica",     "erin",       "esther",    "ethel",     "evelyn",    "felicia",
      "frances",   "gail",       "gina",      "gloria",    "gwen",      "hannah",
      "heather",   "heidi",     "helen",      "hillary",   "huma",      "ilhan",     "irene",
      "isabel",    "isabella",  "ivanka",     "jacinda",   "jacqueline", "jane",     "janet",
      "janice",    "jeanette",  "jeanne",     "jennifer",  "jenna",     "jessica",   "jill",
      "joan",      "joanne",    "josephine",  "joyce",     "juanita",   "judith",    "judy",
      "julia",     "julie",     "kamala",     "karen",     "kate",      "katherine", "kathleen",
      "kathryn",   "kathy",     "katie",      "katrina",   "kayla",     "kellyanne", "kimberly",
      "kirsten",   "kristen",   "kristin",    "kristina",  "laura",     "lauren",    "leah",
      "lillian",   "linda",     "lisa",       "loretta",   "lori",      "lucia",     "lucy",
      "lydia",     "madeleine",   "marcia",    "margaret",  "maria",     "marianne",
      "marie",     "marilyn",   "marjorie",   "marsha",    "martha",    "mary",      "maxine",
      "megan",     "meghan",    "melania",    "melanie",   "melinda",   "melissa",   "mia",
      "michelle",  "mildred",   "miriam",     "molly",     "monica",    "nancy",     "naomi",
      "natalie",   "nicola",    "nicole",     "nikki",     "nora",      "norma",     "olivia",
      "oprah",     "pamela",    "patricia",   "patti",     "patty",     "paula",     "peggy",
      "penelope",  "rachel",    "rashida",    "rebecca",   "rita",      "roberta",
      "rosa",      "rosemary",  "ruth",       "sally",     "samantha",  "sandra",    "sara",
      "sarah",     "serena",    "sharon",     "sheila",    "shelley",   "sherry",    "shirley",
      "sofia",     "sonia",     "sophia",     "stacey",    "stacy",     "stephanie", "susan",
      "susanne",   "suzanne",   "sylvia",     "tamara",    "tammy",     "tanya",     "teresa",
      "thelma",    "theresa",   "tina",       "tulsi",     "ursula",    "valerie",   "vanessa",
      "vera",      "veronica",  "vicki",      "wanda",     "wendy",
      "yolanda",   "yvonne",    "zoe",
      // Seen as speakers in political news and missing above.
      "alicia",    "carly"};
  static const std::unordered_set<std::string_view> kMale = {
      "aaron",     "adam",      "ahmed",      "alan",      "albert",    "alec",      "alejandro",
      "alexander", "alexei",    "alfred",     "allen",     "alvin",     "andre",     "andrei",
      "andrew",    "andy",      "anthony",    "antonio",   "antony",    "arthur",    "barack",
      "barry",     "benjamin",  "bernard",    "bernie",    "bobby",     "boris",     "bradley",
      "brent",     "brett",     "brian",      "bruce",     "bryan",     "calvin",    "carl",
      "carlos",    "charles",   "chris",      "christopher", "chuck",   "clarence",  "clifford",
      "clint",     "colin",     "craig",      "curtis",    "daniel",    "dario",     "darrell",
      "darren",    "david",     "dennis",     "derek",     "derrick",   "diego",     "dmitry",
      "dominic",   "donald",    "douglas",    "dwight",    "dylan",     "earl",      "eddie",
      "edward",    "edwin",     "elijah",     "elliot",    "elon",      "emmanuel",  "eric",
      "ernest",    "ethan",      "evan",      "fernando",  "francisco", "francois",  "matt",
      "denis",
      "franklin",  "fred",      "frederick",  "friedrich", "gary",      "george",    "gerald",
      "giovanni",  "giuseppe",  "glenn",      "gordon",    "greg",      "gregory",   "hans",
      "harold",    "harry",     "harvey",     "hassan",    "hector",    "henry",     "herbert",
      "howard",    "hugo",      "ian",        "ibrahim",   "igor",      "isaac",     "ivan",
      "jack",      "jacob",     "jacques",    "jake",      "james",     "jared",     "jason",
      "javier",    "jay",       "jeb",        "jeff",      "jeffrey",   "jensen",    "jeremy",
      "jerry",     "jim",       "jimmy",      "joe",       "joel",      "john",      "johnny",
      "jon",       "jonathan",  "jorge",      "jose",      "joseph",    "joshua",    "juan",
      "julian",    "julius",    "justin",     "karl",      "keith",     "ken",       "kenneth",
      "kevin",     "klaus",     "kurt",       "kyle",      "lamar",     "larry",     "lawrence",
      "leon",      "leonard",   "lewis",      "lloyd",     "louis",     "luis",      "luke",
      "malcolm",   "manuel",    "marco",      "marcus",    "mario",     "martin",    "marvin",
      "matthew",   "melvin",    "michael",    "miguel",    "mikhail",   "mike",      "mitch",
      "mitchell",  "mitt",      "mohammed",   "muhammad",  "nathan",    "neil",      "nelson",
      "newt",      "nicholas",  "nikolai",    "norman",    "oliver",    "omar",      "oscar",
      "owen",      "pablo",     "patrick",    "paul",      "pavel",     "pedro",     "peter",
      "philip",    "phillip",   "pierre",     "rafael",    "ralph",     "randall",   "randy",
      "raymond",   "reginald",  "reince",     "ricardo",   "richard",   "rick",      "robert",
      "rodney",    "roger",     "roland",     "ronald",    "roy",       "rudolph",   "rudy",
      "rupert",    "russell",   "ryan",       "samuel",    "satya",     "scott",     "sean",
      "sergei",    "sergey",    "sergio",     "seth",      "simon",     "stanley",   "stephen",
      "steve",     "steven",    "stuart",     "sundar",    "ted",       "theodore",  "thomas",
      "timothy",   "todd",      "tony",       "travis",    "trevor",    "troy",      "tyler",
      "victor",    "viktor",    "vincent",    "vladimir",  "walter",    "warren",    "wayne",
      "wesley",    "william",   "wolfgang",   "xavier",    "yuri",      "zachary",
      // Seen as speakers in political news and missing above.
      "ben",       "brad",      "dan",        "federico",  "freddy",    "gabriel",   "jamal",
      "jesse",     "josh",      "matteo",     "nick",      "nigel",     "phil",      "robby",
      "ron",       "sheldon",   "tom",        "zach"};
  // Names that are also common words: a sex when a person's name opens with one, but no
  // sign of a name by themselves ("Bill passes", "Will they").
  static const std::unordered_set<std::string_view> kMaleWords = {
      "bill", "mark", "will", "frank", "grant", "dean", "rich", "chase", "bob"};
  static const std::unordered_set<std::string_view> kFemaleWords = {
      "hope", "grace", "joy", "faith", "dawn", "rose", "june", "april", "may"};
  if (kFemale.count(w) != 0) return "female";
  if (kMale.count(w) != 0) return "male";
  if (with_common_words && kMaleWords.count(w) != 0) return "male";
  if (with_common_words && kFemaleWords.count(w) != 0) return "female";
  return "";
}

}  // namespace claimdex
