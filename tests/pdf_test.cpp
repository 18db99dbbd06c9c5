// PDF stage: write_pdf on documents built here, read back with poppler
// (pdftotext, pdffonts, pdftoppm), qpdf and zlib-flate, tools independent of
// the code under test; plus the HarfBuzz subsets and the FlateDecode
// wrapper checked on their own.
#include <hb.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/environment.h"
#include "base/font_face.h"
#include "base/font_tables.h"
#include "formats/pdf/cid_widths.h"
#include "formats/pdf/flate.h"
#include "formats/pdf/font_file_cache.h"
#include "formats/pdf/font_program.h"
#include "formats/pdf/text_string.h"
#include "formats/pdf/writer.h"
#include "formats/pdf/xmp.h"
#include "testing.h"

using namespace vanban;
using testing::normalize_space;
using testing::Result;
using testing::run;
using testing::shell_quote;
using testing::TempDir;

namespace {

const FontSet& fonts() {
  static SystemEnvironment env;
  static Diagnostics diagnostics;
  static std::unique_ptr<FontSet> set =
      FontSet::load(env, VANBAN_SOURCE_DIR "/fonts", &diagnostics);
  REQUIRE(set);
  return *set;
}

pdf::FontFileCache& shared_font_files() {
  static pdf::FontFileCache cache;
  return cache;
}

pdf::SrgbProfile& srgb() {
  static pdf::SrgbProfile profile;  // thread-safe, like the format's own
  return profile;
}

constexpr double kA4Width = 595.276, kA4Height = 841.89;
constexpr double kLeft = 85.04;  // 30 mm

const char kNation[] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const char kMotto[] = "Độc lập - Tự do - Hạnh phúc";
const char kMarks[] = "Ỹ ỵ ữ ặ ẳ ẫ";
const char kRecipients[] = "Nơi nhận: Đoàn kiểm tra (lưu)";
// Over 100 different characters in one face, so that CIDs take the byte
// values a PDF string must escape: 10 and 13 (line ends), 40 and 41
// (parentheses) and 92 (backslash). Each line fits the page: pdftotext
// drops what lies outside it.
const char* const kAlphabet[] = {
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
    "abcdefghijklmnopqrstuvwxyz đĐ",
    "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị",
    "òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ",
};
const char kPunctuation[] = "Số: 15/TB-ĐKT; 58,5% (a\\b) [c] {d} \"e\" 'f' ? ! * + = < > @ # & ~";

layout::PlacedText placed(double y, FontStyle style, const std::string& s, double x = kLeft) {
  layout::PlacedText t;
  t.x = x;
  t.y = y;
  t.style = style;
  t.size = 13;
  t.text = s;
  return t;
}

// One A4 page: a line per string, top down, so that pdftotext reads them
// in order.
layout::LaidOutDocument document(const std::vector<std::pair<FontStyle, std::string>>& lines) {
  layout::LaidOutDocument doc;
  doc.width = kA4Width;
  doc.height = kA4Height;
  doc.metadata.title = "Thông báo kiểm thử";
  doc.pages.emplace_back();
  double y = 780;
  for (const auto& [style, s] : lines) {
    doc.pages[0].texts.push_back(placed(y, style, s));
    y -= 20;
  }
  doc.pages[0].rules.push_back(layout::PlacedRule{kLeft, y, kLeft + 100, y, 0.5});
  return doc;
}

layout::LaidOutDocument all_styles() {
  return document({{FontStyle::kBold, kNation},
                   {FontStyle::kBold, kMotto},
                   {FontStyle::kItalic, kMarks},
                   {FontStyle::kBoldItalic, kRecipients},
                   {FontStyle::kRegular, kAlphabet[0]},
                   {FontStyle::kRegular, kAlphabet[1]},
                   {FontStyle::kRegular, kAlphabet[2]},
                   {FontStyle::kRegular, kAlphabet[3]},
                   {FontStyle::kRegular, kPunctuation}});
}

std::string expected_text(const layout::LaidOutDocument& doc) {
  std::string all;
  for (const auto& page : doc.pages) {
    for (const auto& t : page.texts) all += t.text + "\n";
  }
  return normalize_space(all);
}

std::string write(const layout::LaidOutDocument& doc, pdf::FontFileCache* cache = nullptr,
                  bool pdfa = true) {
  if (cache == nullptr) cache = &shared_font_files();
  pdf::PdfOptions options;
  options.created = 1686614400;  // 2023-06-13
  options.creator = "vanban test";
  options.font_files = cache;
  options.srgb = &srgb();
  options.pdfa = pdfa;
  std::string bytes;
  Diagnostics diagnostics;
  bool ok = pdf::write_pdf(doc, fonts(), options, "test", &bytes, &diagnostics);
  for (const auto& d : diagnostics.list()) UNSCOPED_INFO(d.to_string());
  REQUIRE(ok);
  return bytes;
}

// Writes the document to a file in `dir` and returns its path.
std::string save(const TempDir& dir, const layout::LaidOutDocument& doc,
                 const std::string& name = "test.pdf") {
  std::string path = dir / name;
  testing::write_file(path, write(doc));
  return path;
}

// Runs `command PDF ARGS`, which must succeed.
Result tool(const std::string& command, const std::string& pdf, const std::string& args = "") {
  Result r = run(command + " " + shell_quote(pdf) + " " + args);
  INFO(command << " stderr: " << r.err);
  REQUIRE(r.status == 0);
  return r;
}

std::vector<testing::FontRow> fonts_of(const std::string& pdf) {
  return testing::parse_pdffonts(tool("pdffonts", pdf).out);
}

// xMin of the first word `word` in `pdftotext -bbox` output.
double word_x(const std::string& bbox_html, const std::string& word) {
  const std::string end = ">" + word + "</word>";
  std::size_t at = bbox_html.find(end);
  REQUIRE(at != std::string::npos);
  std::size_t start = bbox_html.rfind("xMin=\"", at);
  REQUIRE(start != std::string::npos);
  return std::stod(bbox_html.substr(start + 6));
}

// An Environment that counts the files read or mapped and can refuse them.
class CountingEnvironment : public SystemEnvironment {
 public:
  bool read_file(const std::string& path, std::string* contents, std::string* error) override {
    ++reads;
    if (refuse) {
      *error = "Permission denied";
      return false;
    }
    return SystemEnvironment::read_file(path, contents, error);
  }
  std::shared_ptr<const FileBytes> map_file(const std::string& path, std::string* error) override {
    ++reads;
    if (refuse) {
      *error = "Permission denied";
      return nullptr;
    }
    return SystemEnvironment::map_file(path, error);
  }
  std::atomic<int> reads{0};
  bool refuse = false;
};

}  // namespace

TEST_CASE("pdf: the text extracts exactly, in all four styles") {
  TempDir dir;
  const auto doc = all_styles();
  std::string pdf = save(dir, doc);
  // -raw: in its default mode pdftotext glues runs of one-letter words
  // ("Ỹ ỵ ữ" gives "Ỹỵữ"), whoever wrote the PDF (libharu's fonts too).
  Result r = tool("pdftotext -raw -enc UTF-8", pdf, "-");
  CHECK(normalize_space(r.out) == expected_text(doc));
  // The default mode, on text without one-letter words.
  const auto prose = document({{FontStyle::kBold, kNation}, {FontStyle::kBoldItalic, kRecipients}});
  CHECK(normalize_space(tool("pdftotext -enc UTF-8", save(dir, prose), "-").out) ==
        expected_text(prose));
}

TEST_CASE("pdf: poppler reads and renders the file without a warning") {
  TempDir dir;
  std::string pdf = save(dir, all_styles());
  CHECK(tool("pdftotext -enc UTF-8", pdf, "-").err == "");
  CHECK(tool("pdffonts", pdf).err == "");
  CHECK(tool("pdfinfo", pdf).err == "");
  CHECK(tool("pdftoppm -r 50 -png", pdf, shell_quote(dir / "page")).err == "");
  CHECK(testing::exists(dir / "page-1.png"));
}

TEST_CASE("pdf: qpdf --check finds nothing wrong") {
  TempDir dir;
  std::string pdf = save(dir, all_styles());
  Result r = tool("qpdf --check", pdf);
  CHECK(testing::contains(r.out, "No syntax or stream encoding errors found"));
  CHECK(r.err == "");
}

TEST_CASE("pdf: only the faces drawn with are embedded, each as a subset with a ToUnicode map") {
  TempDir dir;
  SECTION("all four") {
    auto rows = fonts_of(save(dir, all_styles()));
    std::set<std::string> names;
    for (const auto& row : rows) {
      names.insert(testing::base_font_name(row.name));
      CHECK(row.type == "CID TrueType");
      CHECK(row.encoding == "Identity-H");
      CHECK(row.embedded == "yes");
      CHECK(row.subset == "yes");
      CHECK(row.unicode == "yes");
    }
    CHECK(rows.size() == 4);
    CHECK(names == std::set<std::string>{"LiberationSerif", "LiberationSerif-Bold",
                                         "LiberationSerif-Italic", "LiberationSerif-BoldItalic"});
  }
  SECTION("regular and bold only: no italic face in the file") {
    auto rows =
        fonts_of(save(dir, document({{FontStyle::kBold, kNation}, {FontStyle::kRegular, kMotto}})));
    std::set<std::string> names;
    for (const auto& row : rows) names.insert(testing::base_font_name(row.name));
    CHECK(names == std::set<std::string>{"LiberationSerif", "LiberationSerif-Bold"});
    CHECK(rows.size() == 2);
  }
}

TEST_CASE("pdf: a one-page document in two faces stays small") {
  // A notice's first page: ~1,500 characters in regular, a heading in bold.
  std::vector<std::pair<FontStyle, std::string>> lines = {{FontStyle::kBold, kNation},
                                                          {FontStyle::kBold, kMotto}};
  for (int i = 0; i < 30; ++i) {
    lines.push_back({FontStyle::kRegular,
                     "Đoàn khảo sát, kiểm tra Đề án 06 đã có buổi làm việc với UBND huyện"});
  }
  std::string bytes = write(document(lines), nullptr, false);
  // Measured 10.1 KB: two subsets of about 35 glyphs each (2.9 and 3.3 KB
  // compressed), their ToUnicode maps (0.4 KB each), the font and
  // descriptor dictionaries (1.3 KB), 0.3 KB of page content and 1.5 KB of
  // libharu's catalog, info, page and xref. libharu embedding the same two
  // faces itself made 87 KB.
  CHECK(bytes.size() < 12 * 1024);
  // PDF/A-1b adds 2.8 KB: the XMP packet (1.2 KB, uncompressed as PDF/A
  // asks), the sRGB profile (0.9 KB), the OutputIntent and a CIDSet per face.
  const std::string archival = write(document(lines));
  CHECK(archival.size() < bytes.size() + 3 * 1024);
}

TEST_CASE("pdf: the same document gives the same bytes, on any thread") {
  const auto doc = all_styles();
  const std::string reference = write(doc);
  CHECK(write(doc) == reference);

  // Two threads, each with its own libharu document, sharing one font cache,
  // embedding from fonts that were read once, when they were loaded.
  CountingEnvironment env;
  Diagnostics loading;
  std::unique_ptr<FontSet> counted = FontSet::load(env, VANBAN_SOURCE_DIR "/fonts", &loading);
  REQUIRE(counted);
  const int reads_at_load = env.reads.load();
  CHECK(reads_at_load == 4);  // the four Liberation Serif files
  pdf::FontFileCache cache;
  std::atomic<int> mismatches{0};
  auto work = [&] {
    for (int i = 0; i < 10; ++i) {
      pdf::PdfOptions options;
      options.created = 1686614400;
      options.creator = "vanban test";
      options.font_files = &cache;
      options.srgb = &srgb();
      std::string bytes;
      Diagnostics diagnostics;
      if (!pdf::write_pdf(doc, *counted, options, "test", &bytes, &diagnostics) ||
          bytes != reference) {
        ++mismatches;
      }
    }
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  CHECK(mismatches.load() == 0);
  CHECK(env.reads.load() == reads_at_load);  // no font file read again to embed it
}

TEST_CASE("pdf: glyphs sit where the advance widths put them") {
  TempDir dir;
  const FontFace& regular = fonts().face(FontStyle::kRegular);
  const std::string first = "Hạnh phúc ";
  // Justified text arrives word by word; the stretch is what layout adds.
  const double after = kLeft + regular.width(first, 13) + 7.25;
  layout::LaidOutDocument doc = document({{FontStyle::kBold, kNation}});
  doc.pages[0].texts.push_back(placed(600, FontStyle::kRegular, "Hạnh phúc"));
  doc.pages[0].texts.push_back(placed(600, FontStyle::kRegular, "ỗữặỸ", after));
  doc.pages[0].texts.push_back(
      placed(600, FontStyle::kRegular, "ĐKT", after + regular.width("ỗữặỸ", 13) + 3.5));
  std::string bbox = tool("pdftotext -bbox", save(dir, doc), "-").out;
  CHECK(word_x(bbox, "Hạnh") == Approx(kLeft).margin(0.002));
  CHECK(word_x(bbox, "ỗữặỸ") == Approx(after).margin(0.01));
  CHECK(word_x(bbox, "ĐKT") == Approx(after + regular.width("ỗữặỸ", 13) + 3.5).margin(0.01));
}

TEST_CASE("pdf: characters outside the font and the BMP still extract") {
  TempDir dir;
  // U+1F600 has no glyph in Liberation Serif (layout would have reported
  // it; the writer still draws .notdef and maps it back to the character).
  const std::string emoji = "\xF0\x9F\x98\x80";
  auto doc = document({{FontStyle::kRegular, "Vui " + emoji + " quá"}});
  std::string pdf = save(dir, doc);
  CHECK(normalize_space(tool("pdftotext -enc UTF-8", pdf, "-").out) == "Vui " + emoji + " quá");
  CHECK(tool("qpdf --check", pdf).err == "");
}

TEST_CASE("pdf: every stream is compressed") {
  std::string bytes = write(all_styles(), nullptr, false);
  const auto count = [&bytes](const std::string& what) {
    int n = 0;
    for (std::size_t at = bytes.find(what); at != std::string::npos; at = bytes.find(what, at + 1))
      ++n;
    return n;
  };
  // Page content, and per face: font program and ToUnicode map. Each code
  // point here has an outline of its own, so CIDs are the subset's glyph
  // numbers and no face needs a CIDToGIDMap stream.
  CHECK(count("\nstream\r\n") == 1 + 4 * 2);
  CHECK(count("/CIDToGIDMap /Identity") == 4);
  CHECK(count("/FlateDecode") == count("\nstream\r\n"));
  // PDF/A adds a CIDSet per face and the sRGB profile, compressed, and the
  // XMP packet, which stays readable to a tool that knows no PDF. A CIDSet
  // of a few glyphs (a few bytes of ones) is left as it is: deflated it
  // would be larger, /Filter entry and all.
  bytes = write(all_styles());
  CHECK(count("\nstream\r\n") == 1 + 4 * 3 + 1 + 1);
  CHECK(count("/FlateDecode") == count("\nstream\r\n") - 1 - 4);
}

TEST_CASE("pdf: every stream of ours says its /Length directly") {
  // No "n 0 obj 1234 endobj" per stream: only the page content's length,
  // which libharu writes itself, stays an indirect object.
  TempDir dir;
  const std::string pdf = save(dir, all_styles());
  const std::string bytes = testing::read_file(pdf);
  int direct = 0, indirect = 0;
  for (std::size_t at = bytes.find("/Length "); at != std::string::npos;
       at = bytes.find("/Length ", at + 1)) {
    const std::string entry = bytes.substr(at, bytes.find('\n', at) - at);
    (entry.size() > 3 && entry.substr(entry.size() - 3) == "0 R" ? indirect : direct) += 1;
  }
  CHECK(indirect == 1);
  CHECK(direct == 4 * 3 + 1 + 1);  // per face: font, ToUnicode, CIDSet; sRGB, XMP
  CHECK(tool("qpdf --check", pdf).err == "");
}

TEST_CASE("pdf: the document information reads back in Vietnamese, escapes and all") {
  TempDir dir;
  layout::LaidOutDocument doc = all_styles();
  doc.metadata.title = "Kết luận (số 15) \\ đợt\r2";
  doc.metadata.author = "Đoàn kiểm tra (Sở Nội vụ)";
  doc.metadata.subject = "Plain ASCII (a \\ b)";
  const std::string pdf = save(dir, doc);
  const std::string info = tool("pdfinfo", pdf).out;
  CHECK(testing::contains(info, "Title:           Kết luận (số 15) \\ đợt\r2"));
  CHECK(testing::contains(info, "Author:          Đoàn kiểm tra (Sở Nội vụ)"));
  CHECK(testing::contains(info, "Subject:         Plain ASCII (a \\ b)"));
  CHECK(testing::contains(info, "Creator:         vanban test"));
  // Literal strings, not hex: raw UTF-16 for Vietnamese, PDFDocEncoding
  // (ASCII) as it is.
  const std::string bytes = testing::read_file(pdf);
  CHECK(testing::contains(bytes, "/Subject (Plain ASCII \\(a \\\\ b\\))\n"));
  CHECK(testing::contains(bytes, "/Creator (vanban test)\n"));
  CHECK_FALSE(testing::contains(bytes, "/Title <FEFF"));
  CHECK(tool("qpdf --check", pdf).err == "");
}

TEST_CASE("pdf: a literal text string escapes what would end or change it") {
  CHECK(pdf::literal_text_string("a (b) \\") == "(a \\(b\\) \\\\)");
  // "đ" is U+0111; CR (in U+000D and in U+0D0D, say) is written \r.
  CHECK(pdf::literal_text_string("đ") == std::string("(\xFE\xFF\x01\x11)", 6));
  CHECK(pdf::literal_text_string("\r") == std::string("(\xFE\xFF\x00\\r)", 7));
  CHECK(pdf::literal_text_string("") == "()");
}

TEST_CASE("pdf: /DW and /W give every shown CID its width, in few bytes") {
  // Decodes /W as a reader does and compares with what was asked.
  const auto decode = [](const pdf::CidWidths& w, std::size_t n) {
    std::vector<int> out(n, w.default_width);
    for (const pdf::WidthSegment& s : w.segments) {
      REQUIRE(s.first >= 1);
      REQUIRE(s.last <= static_cast<int>(n));
      REQUIRE(s.first <= s.last);
      if (s.widths.size() == 1) {
        for (int cid = s.first; cid <= s.last; ++cid) out[cid - 1] = s.widths[0];
      } else {
        REQUIRE(s.widths.size() == static_cast<std::size_t>(s.last - s.first + 1));
        for (int cid = s.first; cid <= s.last; ++cid) out[cid - 1] = s.widths[cid - s.first];
      }
    }
    return out;
  };
  std::mt19937 random(13);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = random() % 400;
    std::vector<int> widths(n);
    for (int& w : widths) {
      const unsigned pick = random() % 10;
      w = pick == 0 ? pdf::kNeverShown : pick < 5 ? 500 : static_cast<int>(random() % 4) * 111 + 250;
    }
    const pdf::CidWidths encoded = pdf::encode_cid_widths(widths);
    const std::vector<int> decoded = decode(encoded, n);
    for (std::size_t i = 0; i < n; ++i) {
      if (widths[i] != pdf::kNeverShown) REQUIRE(decoded[i] == widths[i]);
    }
  }
  // The commonest width is the default; a run of another is three numbers.
  std::vector<int> widths(100, 443);
  for (int i = 40; i < 60; ++i) widths[i] = 722;
  widths[70] = pdf::kNeverShown;
  const pdf::CidWidths encoded = pdf::encode_cid_widths(widths);
  CHECK(encoded.default_width == 443);
  REQUIRE(encoded.segments.size() == 1);
  CHECK(encoded.segments[0].first == 41);
  CHECK(encoded.segments[0].last == 60);
  CHECK(encoded.segments[0].widths == std::vector<int>{722});
}

TEST_CASE("pdf: a font file that cannot be read is an error, not a crash") {
  CountingEnvironment env;
  env.refuse = true;
  Diagnostics diagnostics;
  CHECK_FALSE(FontSet::load(env, VANBAN_SOURCE_DIR "/fonts", &diagnostics));
  REQUIRE_FALSE(diagnostics.empty());
  CHECK(testing::contains(diagnostics.list()[0].message, "Permission denied"));
}

// --- FlateDecode (libdeflate) ------------------------------------------------------

// libdeflate itself is tested upstream; this checks our use of it: the zlib
// wrapper, the output buffer's size, and a compressor reused across calls
// and threads, decoded by zlib-flate (qpdf), not by libdeflate.
TEST_CASE("pdf: flate output inflates back to its input") {
  std::mt19937 random(7);
  std::vector<std::string> inputs = {"", "a", std::string(100000, 'x'), "0 0 Td (hello) Tj\n"};
  std::string noise, repeats;
  for (int i = 0; i < 200000; ++i) noise += static_cast<char>(random() & 0xFF);
  for (int i = 0; i < 4000; ++i)
    repeats += "BT /F1 13 Tf " + std::to_string(i % 97) + " Td [(x)] TJ\n";
  inputs.insert(inputs.end(), {noise, repeats});
  TempDir dir;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    INFO("input " << i << ", " << inputs[i].size() << " bytes");
    const std::string compressed = pdf::flate_compress(inputs[i]);
    testing::write_file(dir / "z", compressed);
    Result r = run("zlib-flate -uncompress < " + shell_quote(dir / "z"));
    REQUIRE(r.status == 0);
    CHECK(r.out == inputs[i]);
    CHECK(compressed.size() <=
          inputs[i].size() + inputs[i].size() / 1000 + 16);  // incompressible: stored
    CHECK(pdf::flate_compress(inputs[i]) == compressed);
    std::string from_other_thread;
    std::thread([&] { from_other_thread = pdf::flate_compress(inputs[i]); }).join();
    CHECK(from_other_thread == compressed);
  }
}

// --- The subsets (hb-subset) --------------------------------------------------------

namespace {

// The extents of `glyph` in `font`: all zero for a blank glyph, or for a
// composite whose parts went missing.
hb_glyph_extents_t extents_of(hb_font_t* font, hb_codepoint_t glyph) {
  hb_glyph_extents_t extents{};
  hb_font_get_glyph_extents(font, glyph, &extents);
  return extents;
}

bool same(const hb_glyph_extents_t& a, const hb_glyph_extents_t& b) {
  return a.x_bearing == b.x_bearing && a.y_bearing == b.y_bearing && a.width == b.width &&
         a.height == b.height;
}

}  // namespace

TEST_CASE("pdf: a subset is a valid TrueType font drawing every code point asked for") {
  const FontFace& face = fonts().face(FontStyle::kRegular);
  std::string error;
  auto program = pdf::FontProgram::make(face, &error);
  INFO(error);
  REQUIRE(program);
  CHECK(program->postscript_name() == "LiberationSerif");
  // 'ỗ' is a composite (o, circumflex, tilde): its parts must come along.
  const std::vector<char32_t> code_points = {U' ', U'A', U'\u00A0', U'ỗ'};
  pdf::Subset subset;
  REQUIRE(program->subset(code_points, &subset, &error));
  REQUIRE(subset.glyphs.size() == code_points.size());

  // The tables a TrueType rasteriser needs (no cmap: glyphs are reached by
  // CIDToGIDMap), with the original's widths.
  hb::Blob blob(hb_blob_create(subset.program.data(), static_cast<unsigned>(subset.program.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  hb::Face read_back(hb_face_create(blob.get(), 0));
  for (const char* tag : {"head", "hhea", "maxp", "hmtx", "glyf", "loca"}) {
    INFO(tag);
    CHECK(FontTable(read_back.get(), tag).size() != 0);
  }
  hb::Font source(hb_font_create(face.hb_face()));
  hb::Font small(hb_font_create(read_back.get()));
  const unsigned glyph_count = hb_face_get_glyph_count(read_back.get());
  CHECK(glyph_count > 4);   // .notdef, space, A, ỗ and the parts of ỗ
  CHECK(glyph_count < 10);
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    INFO("U+" << std::hex << static_cast<unsigned>(code_points[i]));
    CHECK(subset.glyphs[i] < glyph_count);
    hb_codepoint_t original = 0;
    REQUIRE(hb_font_get_nominal_glyph(source.get(), code_points[i], &original));
    CHECK(same(extents_of(small.get(), subset.glyphs[i]), extents_of(source.get(), original)));
    CHECK(hb_font_get_glyph_h_advance(small.get(), subset.glyphs[i]) ==
          hb_font_get_glyph_h_advance(source.get(), original));
    // One glyph per outline: code points share a glyph in the subset
    // exactly when they share one in the face.
    for (std::size_t j = 0; j < i; ++j) {
      hb_codepoint_t other = 0;
      REQUIRE(hb_font_get_nominal_glyph(source.get(), code_points[j], &other));
      CHECK((subset.glyphs[i] == subset.glyphs[j]) == (original == other));
    }
  }
  CHECK(extents_of(small.get(), subset.glyphs[3]).height != 0);  // ỗ drawn, parts and all
  CHECK(same(extents_of(small.get(), 0), extents_of(source.get(), 0)));  // .notdef as it was
  // No hinting and no layout tables left.
  for (const char* tag : {"fpgm", "prep", "cvt ", "GSUB", "GPOS"}) {
    INFO(tag);
    CHECK(FontTable(read_back.get(), tag).size() == 0);
  }
}

TEST_CASE("pdf: the XMP packet escapes its values and leaves out empty ones") {
  pdf::XmpFields f;
  f.title = "Kết luận <số 15> & \"tiếp\"";
  f.creator = "vanban test";
  f.date = "2023-06-13T14:00:00+07:00";
  const std::string xmp = pdf::xmp_packet(f);
  CHECK(xmp.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
  CHECK(testing::contains(
      xmp, "<rdf:li xml:lang=\"x-default\">Kết luận &lt;số 15&gt; &amp; &quot;tiếp&quot;</rdf:li>"));
  CHECK(testing::contains(xmp, "<xmp:ModifyDate>2023-06-13T14:00:00+07:00</xmp:ModifyDate>"));
  CHECK_FALSE(testing::contains(xmp, "dc:creator"));  // no author given
  CHECK_FALSE(testing::contains(xmp, "pdf:Keywords"));
  CHECK(xmp.size() >= 20);
  CHECK(xmp.substr(xmp.size() - 19) == "<?xpacket end=\"w\"?>");
}

TEST_CASE("pdf: the sRGB profile is a version 2 ICC profile, the same bytes every time") {
  std::string a, b, error;
  REQUIRE(pdf::make_srgb_profile(&a, &error));
  REQUIRE(pdf::make_srgb_profile(&b, &error));
  CHECK(a == b);  // LittleCMS stamps the creation time; we fix it
  REQUIRE(a.size() > 128);
  CHECK(a.size() < 1500);
  CHECK(static_cast<unsigned char>(a[8]) == 2);  // major version: PDF 1.4 reads up to 2.4
  CHECK(a.substr(16, 4) == "RGB ");
  CHECK(a.substr(36, 4) == "acsp");
}

TEST_CASE("pdf: a PDF/A needs the sRGB profile; a plain PDF does not") {
  layout::LaidOutDocument doc = document({{FontStyle::kRegular, kNation}});
  pdf::PdfOptions options;
  options.created = 1686614400;
  options.font_files = &shared_font_files();
  std::string bytes;
  Diagnostics diagnostics;
  CHECK_FALSE(pdf::write_pdf(doc, fonts(), options, "test", &bytes, &diagnostics));
  options.pdfa = false;
  CHECK(pdf::write_pdf(doc, fonts(), options, "test", &bytes, &diagnostics));
}
