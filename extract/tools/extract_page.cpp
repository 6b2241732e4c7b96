// claimdex_extract_page: one HTML page (or plain text) -> Document JSON on stdout.
//
//   claimdex_extract_page --html FILE [--url URL] [--content-type CT] [--fetched RFC3339]
//                         [--annotate] [--profile FILE]
//   claimdex_extract_page --text FILE [--profile FILE]
//
// Without --annotate, HTML goes through ExtractArticle only (no entities or claims), so the
// article half can be measured on its own. --text always annotates.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "corpus/document.h"
#include "corpus/profile.h"
#include "extract/article.h"
#include "extract/extractor.h"

namespace {

struct Args {
  std::string html, text, url, content_type, fetched, profile;
  bool annotate = false;
};

int Usage(const char* msg) {
  std::fprintf(stderr, "claimdex_extract_page: %s\n", msg);
  std::fprintf(stderr,
               "usage: claimdex_extract_page --html FILE [--url URL] [--annotate] [--profile F]\n"
               "       claimdex_extract_page --text FILE [--profile F]\n");
  return 2;
}

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--annotate") {
      a->annotate = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    std::string value = argv[++i];
    if (flag == "--html")
      a->html = value;
    else if (flag == "--text")
      a->text = value;
    else if (flag == "--url")
      a->url = value;
    else if (flag == "--content-type")
      a->content_type = value;
    else if (flag == "--fetched")
      a->fetched = value;
    else if (flag == "--profile")
      a->profile = value;
    else
      return false;
  }
  return a->html.empty() != a->text.empty();
}

claimdex::Profile LoadOrEmpty(const std::string& path, bool* ok) {
  *ok = true;
  if (path.empty()) return claimdex::Profile{};
  auto profile = claimdex::LoadProfile(path);
  if (!profile.ok()) {
    std::fprintf(stderr, "claimdex_extract_page: %s\n", profile.status().message().c_str());
    *ok = false;
    return claimdex::Profile{};
  }
  return profile.value();
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) return Usage("bad arguments");
  std::string input;
  const std::string& path = args.html.empty() ? args.text : args.html;
  if (!ReadAll(path, &input)) return Usage((path + ": cannot read").c_str());
  claimdex::Document doc;
  if (!args.html.empty() && !args.annotate) {
    doc = claimdex::ExtractArticle({input, args.url, args.content_type, args.fetched});
  } else {
    bool ok = false;
    claimdex::Profile profile = LoadOrEmpty(args.profile, &ok);
    if (!ok) return 2;
    claimdex::Extractor extractor(profile);
    doc = args.html.empty()
              ? extractor.ExtractText(input, path)
              : extractor.ExtractHtml({input, args.url, args.content_type, args.fetched});
  }
  std::cout << claimdex::DocumentToJson(doc) << "\n";
  return 0;
}
