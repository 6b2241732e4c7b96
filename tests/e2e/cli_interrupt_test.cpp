// Ctrl-C during `claimdex crawl`: the process finishes the transfers in flight, saves state and
// exits 0; the next run continues where it stopped and nothing is fetched twice.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "corpus/cdxj.h"
#include "tests/e2e/run_binary.h"

namespace claimdex::testing {
namespace {

constexpr int kPages = 40;

// A site whose pages each take 100 ms, so a crawl of it lasts long enough to interrupt.
class SlowSite {
 public:
  SlowSite() {
    server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("User-agent: *\nAllow: /\n", "text/plain");
    });
    server_.Get("/", [](const httplib::Request&, httplib::Response& res) {
      std::string html = "<html><body><h1>Chip export controls</h1>";
      for (int i = 0; i < kPages; ++i) {
        html += "<a href=\"/chips/export-controls-" + std::to_string(i) + ".html\">export controls " +
                std::to_string(i) + "</a>\n";
      }
      res.set_content(html + "</body></html>", "text/html");
    });
    server_.Get(R"(/chips/.*)", [](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      res.set_content("<html><body><p>Export controls page " + req.path + "</p></body></html>", "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~SlowSite() {
    server_.stop();
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(CliInterrupt, CtrlCSavesStateAndTheNextRunContinues) {
  SlowSite site;
  std::string dir = MakeTempDir("interrupt");
  std::string profile = dir + "/p.toml";
  std::ofstream(profile) << "name = \"slow\"\n[crawl]\nseeds = [\"" << site.base()
                         << "/\"]\nmax_depth = 2\n[topic]\nkeywords = [\"export controls\"]\n"
                            "[politeness]\nallow_loopback = true\ndelay = 0\n";
  std::string args = "--data '" + dir + "/data' --profile '" + profile + "' crawl";

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string cmd = std::string("exec '") + CLAIMDEX_BINARY + "' " + args + " >/dev/null 2>'" + dir + "/err1'";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0) << Slurp(dir + "/err1");
  EXPECT_NE(Slurp(dir + "/err1").find("crawl stopped"), std::string::npos) << Slurp(dir + "/err1");

  auto first = ReadCdxDir(dir + "/data/cdx", nullptr);
  ASSERT_TRUE(first.ok());
  size_t pages_first = 0;
  for (const auto& c : *first) pages_first += c.url.find("/chips/") != std::string::npos;
  EXPECT_GT(pages_first, 0u);
  EXPECT_LT(pages_first, static_cast<size_t>(kPages)) << "the crawl finished before it was interrupted";

  RunResult second = RunClaimdex(args, dir);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto all = ReadCdxDir(dir + "/data/cdx", nullptr);
  ASSERT_TRUE(all.ok());
  std::multiset<std::string> page_urls;
  for (const auto& c : *all) {
    if (c.url.find("/chips/") != std::string::npos && !c.revisit) page_urls.insert(c.url);
  }
  std::set<std::string> distinct(page_urls.begin(), page_urls.end());
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kPages));
  EXPECT_EQ(page_urls.size(), distinct.size()) << "a page was fetched twice";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claimdex::testing
