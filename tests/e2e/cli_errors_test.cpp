// The CLI's bad-input contract: one line naming the input and the problem, exit 2 for usage
// or input errors and 1 for runtime failures, never a crash.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/e2e/run_binary.h"

namespace claimdex::testing {
namespace {

class CliErrors : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir("cli"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  RunResult Run(const std::string& args) { return RunClaimdex(args, dir_); }
  void ExpectOneLineError(const RunResult& r, int code, const std::string& needle) {
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find("claimdex: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  }
  std::string dir_;
};

TEST_F(CliErrors, UnknownSubcommandIsUsageError) {
  ExpectOneLineError(Run("frobnicate"), 2, "frobnicate");
}

TEST_F(CliErrors, HelpListsEverySubcommand) {
  RunResult r = Run("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"demo", "crawl", "extract", "index", "run", "search", "show", "timeline", "stats"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  }
}

TEST_F(CliErrors, MissingDataDirectoryNamesIt) {
  ExpectOneLineError(Run("--data '" + dir_ + "/nope' search chips"), 2, dir_ + "/nope");
}

TEST_F(CliErrors, DataDirectoryThatIsAFileNamesIt) {
  std::string file = Write("plain-file", "x");
  ExpectOneLineError(Run("--data '" + file + "' crawl"), 2, file);
}

TEST_F(CliErrors, UncreatableDataDirectoryIsInputError) {
  // Nobody, root included, can make a directory under /proc.
  ExpectOneLineError(Run("--data /proc/claimdex-no-such-dir crawl"), 2, "/proc/claimdex-no-such-dir");
}

TEST_F(CliErrors, MalformedProfileNamesKeyAndLine) {
  std::string profile = Write("bad.toml", "name = \"x\"\n[crawl]\nmax_pages = \"ten\"\n");
  RunResult r = Run("--data '" + dir_ + "/d' --profile '" + profile + "' crawl");
  ExpectOneLineError(r, 2, "max_pages");
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
}

TEST_F(CliErrors, ProfileWithSyntaxErrorNamesTheFile) {
  std::string profile = Write("broken.toml", "name = \"x\"\n[crawl\n");
  ExpectOneLineError(Run("--data '" + dir_ + "/d' --profile '" + profile + "' crawl"), 2, "broken.toml");
}

TEST_F(CliErrors, UnreadableHtmlFileNamesIt) {
  ExpectOneLineError(Run("extract --html '" + dir_ + "/missing.html' --format json"), 2, "missing.html");
}

TEST_F(CliErrors, BinaryFileIsNotHtml) {
  std::string bin = Write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ExpectOneLineError(Run("extract --html '" + bin + "' --format json"), 2, "image.png");
}

TEST_F(CliErrors, BadDurationNamesTheFlag) {
  ExpectOneLineError(Run("--data '" + dir_ + "/d' crawl --every soon"), 2, "--every");
}

TEST_F(CliErrors, BadShardNamesTheFlag) {
  ExpectOneLineError(Run("--data '" + dir_ + "/d' crawl --shard 3/2"), 2, "--shard");
}

TEST_F(CliErrors, UnreachableSeedIsRuntimeFailure) {
  // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
  std::string profile = Write("p.toml",
                              "name = \"x\"\n[crawl]\nseeds = [\"http://127.0.0.1:9/\"]\n"
                              "[politeness]\nallow_loopback = true\ndelay = 0\n");
  RunResult r = Run("--data '" + dir_ + "/d' --profile '" + profile + "' crawl");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1:9"), std::string::npos) << r.err;
}

TEST_F(CliErrors, ExtractTextGivesDocumentJson) {
  std::string text = Write("a.txt", "\"The controls work,\" said Jane Roe.\n\nNothing else.\n");
  RunResult r = Run("extract --text '" + text + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"claims\""), std::string::npos);
  EXPECT_NE(r.out.find("The controls work"), std::string::npos);
}

}  // namespace
}  // namespace claimdex::testing
