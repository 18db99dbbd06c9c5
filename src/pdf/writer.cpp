#include "pdf/writer.h"

#include <map>

#include "pdf/hpdf_document.h"

namespace vanban::pdf {

namespace {

// The fonts of one document, loaded on first use: every face libharu is
// asked for costs about 38 KB and 3 ms even if nothing is drawn with it.
class FontCache {
 public:
  FontCache(HPDF_Doc doc, const FontSet& fonts) : doc_(doc), fonts_(fonts) {}

  HPDF_Font get(FontStyle style) {
    const std::string& path = fonts_.face(style).path();
    auto it = by_path_.find(path);
    if (it != by_path_.end()) return it->second;
    const char* name = HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(doc_, name, "UTF-8") : nullptr;
    by_path_[path] = font;
    return font;
  }

 private:
  HPDF_Doc doc_;
  const FontSet& fonts_;
  std::map<std::string, HPDF_Font> by_path_;
};

HPDF_Date vietnam_time(std::int64_t seconds) {
  const std::int64_t kOffset = 7 * 3600;  // Asia/Ho_Chi_Minh, no DST
  std::int64_t local = seconds + kOffset;
  std::int64_t days = local / 86400, rest = local % 86400;
  if (rest < 0) rest += 86400, --days;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t doe = days - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  HPDF_Date date{};
  date.day = static_cast<HPDF_INT>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<HPDF_INT>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<HPDF_INT>(yoe + era * 400 + (date.month <= 2));
  date.hour = static_cast<HPDF_INT>(rest / 3600);
  date.minutes = static_cast<HPDF_INT>(rest / 60 % 60);
  date.seconds = static_cast<HPDF_INT>(rest % 60);
  date.ind = '+';
  date.off_hour = 7;
  date.off_minutes = 0;
  return date;
}

void set_metadata(HPDF_Doc doc, const layout::Metadata& meta, const PdfOptions& options) {
  // Without the UTF-8 encoder libharu writes the bytes as PDFDocEncoding,
  // and viewers show mojibake.
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  auto set = [doc](HPDF_InfoType type, const std::string& value) {
    if (!value.empty()) HPDF_SetInfoAttr(doc, type, value.c_str());
  };
  set(HPDF_INFO_TITLE, meta.title);
  set(HPDF_INFO_AUTHOR, meta.author);
  set(HPDF_INFO_SUBJECT, meta.subject);
  set(HPDF_INFO_KEYWORDS, meta.keywords);
  set(HPDF_INFO_CREATOR, options.creator);
  HPDF_Date date = vietnam_time(options.created);
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
}

void draw_page(HPDF_Doc doc, const layout::Page& page, double width, double height,
               FontCache* fonts) {
  HPDF_Page p = HPDF_AddPage(doc);
  HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(height));

  for (const layout::PlacedImage& image : page.images) {
    const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(image.data->data());
    const auto size = static_cast<HPDF_UINT>(image.data->size());
    HPDF_Image img = image.info.format == input::ImageInfo::Format::kPng
                         ? HPDF_LoadPngImageFromMem(doc, bytes, size)
                         : HPDF_LoadJpegImageFromMem(doc, bytes, size);
    if (img == nullptr) return;
    HPDF_Page_DrawImage(p, img, static_cast<HPDF_REAL>(image.x), static_cast<HPDF_REAL>(image.y),
                        static_cast<HPDF_REAL>(image.width), static_cast<HPDF_REAL>(image.height));
  }

  for (const layout::PlacedRule& rule : page.rules) {
    HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(rule.thickness));
    HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(rule.x1), static_cast<HPDF_REAL>(rule.y1));
    HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(rule.x2), static_cast<HPDF_REAL>(rule.y2));
    HPDF_Page_Stroke(p);
  }

  if (page.texts.empty()) return;
  HPDF_Page_BeginText(p);
  HPDF_Font current = nullptr;
  double current_size = 0;
  for (const layout::PlacedText& text : page.texts) {
    HPDF_Font font = fonts->get(text.style);
    if (font == nullptr) break;
    if (font != current || text.size != current_size) {
      HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(text.size));
      current = font;
      current_size = text.size;
    }
    HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(text.x), static_cast<HPDF_REAL>(text.y),
                      text.text.c_str());
  }
  HPDF_Page_EndText(p);
}

}  // namespace

bool write_pdf(const layout::LaidOutDocument& document, const FontSet& fonts,
               const PdfOptions& options, const std::string& name, std::string* bytes,
               Diagnostics* diagnostics) {
  HpdfDocument pdf;
  HPDF_Doc doc = pdf.get();
  if (pdf.ok()) {
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    set_metadata(doc, document.metadata, options);
  }
  FontCache cache(doc, fonts);
  for (const layout::Page& page : document.pages) {
    if (!pdf.ok()) break;
    draw_page(doc, page, document.width, document.height, &cache);
  }
  if (pdf.ok()) HPDF_SaveToStream(doc);
  if (!pdf.ok()) {
    diagnostics->error(name, "cannot make the PDF: " + pdf.error());
    return false;
  }
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  bytes->resize(size);
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes->data()), &read);
  if (!pdf.ok() || read != size) {
    diagnostics->error(name, "cannot read the PDF back from libharu: " + pdf.error());
    return false;
  }
  return true;
}

}  // namespace vanban::pdf
