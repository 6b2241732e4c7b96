// Test texts for near-duplicate detection: a wire story (syndicated by several outlets in the
// tests) and a different story on the same topic that shares names and a quote with it.
#ifndef CLAIMDEX_TESTS_EXTRACT_SYNDICATION_FIXTURE_H_
#define CLAIMDEX_TESTS_EXTRACT_SYNDICATION_FIXTURE_H_

namespace claimdex::testing_fixture {

inline constexpr char kWireStoryText[] =
    "Dario Amodei, the chief executive of Anthropic, urged lawmakers on Tuesday to keep the "
    "export controls on advanced chips in place, arguing that the rise of DeepSeek showed why "
    "the rules matter rather than why they failed.\n\n"
    "In a long essay posted to his personal blog, Amodei wrote that the Chinese laboratory had "
    "trained its model on a stockpile of processors bought before the latest restrictions took "
    "effect, and that the next generation of systems would need far more computing power than "
    "any smuggling network could supply.\n\n"
    "\"Export controls are one of the most important tools we have,\" Amodei said, adding that "
    "a relaxation now would hand rivals the hardware they cannot yet build at home.\n\n"
    "Critics of the policy, including several chip makers, say the restrictions push customers "
    "toward domestic suppliers and cost American firms billions of dollars in lost sales each "
    "quarter. Nvidia declined to comment for this story.\n\n"
    "The Commerce Department is expected to publish revised rules for data-centre processors "
    "before the end of the month, according to two people familiar with the drafts, who asked "
    "not to be named because the talks are private.\n\n"
    "Amodei said the company supported the diffusion framework in principle but wanted clearer "
    "thresholds for allied countries, so that cloud providers in Europe and Asia would know "
    "which shipments need a licence and which do not.";

inline constexpr char kOtherStoryText[] =
    "Chip makers spent the week lobbying against the proposed diffusion rule, warning that the "
    "new caps on data-centre exports would drive buyers in the Gulf and Southeast Asia to "
    "Chinese alternatives within a few years.\n\n"
    "Executives from three large semiconductor firms met officials at the Commerce Department "
    "on Thursday, according to a person briefed on the meeting. They presented estimates that "
    "the licence requirements would delay hundreds of cloud projects already under way.\n\n"
    "The debate intensified after DeepSeek released a model that rivals the best American "
    "systems. Dario Amodei of Anthropic has argued that \"export controls are one of the most "
    "important tools we have,\" but industry groups counter that the rules are porous and "
    "mostly punish allies.\n\n"
    "Analysts at two banks said the market reaction had been muted because investors expect "
    "the final version to soften the tiers for friendly nations. Nvidia shares closed slightly "
    "higher on the day.\n\n"
    "A spokesperson for the department said public comments would be reviewed before any rule "
    "takes effect, and that national security remained the guiding concern of the process.";

}  // namespace claimdex::testing_fixture

#endif  // CLAIMDEX_TESTS_EXTRACT_SYNDICATION_FIXTURE_H_
