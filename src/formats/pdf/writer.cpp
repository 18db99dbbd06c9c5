#include "formats/pdf/writer.h"

#include <hpdf_doc.h>

#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <cstdio>

#include "formats/pdf/bookmarks.h"
#include "formats/pdf/catalog.h"
#include "formats/pdf/content_stream.h"
#include "formats/pdf/document_id.h"
#include "formats/pdf/font_embedder.h"
#include "formats/pdf/hpdf_document.h"
#include "formats/pdf/hpdf_objects.h"
#include "formats/pdf/image_alpha.h"
#include "formats/pdf/signature_fields.h"
#include "formats/pdf/structure_tree.h"
#include "formats/pdf/text_string.h"
#include "formats/pdf/xmp.h"

namespace vanban::pdf {

namespace {

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

// "2023-06-13T08:00:00+07:00", the instant `date` is, as XMP writes it.
std::string xmp_date(const HPDF_Date& d) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month,
                d.day, d.hour, d.minutes, d.seconds, d.ind, d.off_hour, d.off_minutes);
  return text;
}

// The document information dictionary. libharu would need its UTF-8
// encoder for non-Latin text, whose set-up alone costs more than the rest of
// a page, and writes binary strings in hex; we write literal UTF-16 strings
// ourselves, half the bytes. Returns the same values for the XMP packet,
// which PDF/A-1 wants equal to these.
XmpFields set_metadata(HPDF_Doc doc, const layout::Metadata& meta, const PdfOptions& options) {
  XmpFields fields{meta.title, meta.author, meta.subject, meta.keywords, "", options.creator, ""};
  HPDF_Date date = vietnam_time(options.created);
  fields.date = xmp_date(date);
  // libharu's own /Producer, set when the document was made.
  if (const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER)) fields.producer = producer;
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);  // also creates doc->info
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
  if (doc->info == nullptr) return fields;
  std::string entries;
  const auto set = [&entries](const char* key, const std::string& value) {
    if (value.empty()) return;
    ((entries += '/') += key) += ' ';
    (entries += literal_text_string(value)) += '\n';
  };
  set("Title", meta.title);
  set("Author", meta.author);
  set("Subject", meta.subject);
  set("Keywords", meta.keywords);
  set("Creator", options.creator);
  put_raw_entries(doc->info, std::move(entries));
  return fields;
}

// Images used more than once in a document (a logo on every page) are
// embedded once. For PDF/A-1, which has no transparency, a PNG's alpha
// (the SMask libharu makes of it) is flattened onto white paper. PDF/A-2
// allows an SMask, but it is flattened there too: the page looks the same
// on white paper, and one image path serves both parts.
class ImageCache {
 public:
  ImageCache(HPDF_Doc doc, bool opaque) : doc_(doc), opaque_(opaque) {}
  HPDF_Image get(const layout::PlacedImage& image) {
    auto it = by_data_.find(image.data.get());
    if (it != by_data_.end()) return it->second;
    const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(image.data->data());
    const auto size = static_cast<HPDF_UINT>(image.data->size());
    HPDF_Image loaded = image.info.format == input::ImageInfo::Format::kPng
                            ? HPDF_LoadPngImageFromMem(doc_, bytes, size)
                            : HPDF_LoadJpegImageFromMem(doc_, bytes, size);
    if (loaded && opaque_ && !flatten_alpha(doc_, loaded, &error_)) loaded = nullptr;
    by_data_[image.data.get()] = loaded;
    return loaded;
  }

  // Why an image could not be used, for a diagnostic (libharu's own
  // failures are in the document's error state).
  const Message& error() const { return error_; }

 private:
  HPDF_Doc doc_;
  bool opaque_;
  Message error_;
  std::map<const std::string*, HPDF_Image> by_data_;
};

// What every page is drawn with, besides the page itself.
struct Drawing {
  const FontEmbedder& fonts;
  ImageCache* images;
  DocumentId* id;
  StructureTree* tree;
  const std::vector<layout::Part>& parts;
  Deflate deflate;  // for the pages' content
  // Bookmarks only for a document of several pages: one page needs none.
  bool bookmarks_wanted;
  std::vector<bool> bookmarked;  // by part: its bookmark is made
  std::vector<Bookmark> bookmarks;
};

// The title and the body's section headings, where a bookmark goes.
bool opens_section(const layout::Part& part) {
  return part.kind == layout::Part::Kind::kParagraph &&
         (part.role == layout::Role::kTitle || part.role == layout::Role::kHeading) &&
         !part.text.empty();
}

// Opens the marked-content sequence of `part`, or an artifact for none.
void begin_part(ContentStream* content, StructureTree* tree, int part) {
  if (part == layout::kNoPart) {
    content->begin_artifact();
  } else {
    const int mcid = tree->mark(part);
    content->begin_marked(tree->tag(part), mcid);
  }
}

// Draws one page: images, then rules, then text, all into one content
// stream that goes to libharu in a single write; then its signature fields.
// Each part's pieces are one marked-content sequence (the layout places a
// paragraph's lines, and a column's paragraphs, one after the other);
// rules and page numbers are artifacts.
void draw_page(HPDF_Doc doc, const layout::Page& page, double width, double height,
               Drawing* drawing) {
  HPDF_Page p = HPDF_AddPage(doc);
  if (p == nullptr) return;
  // /ProcSet is obsolete since PDF 1.4 (PDF 32000, 14.2); libharu adds it.
  if (auto resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(p, "Resources", HPDF_OCLASS_DICT)))
    HPDF_Dict_RemoveElement(resources, "ProcSet");
  HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(height));
  drawing->tree->begin_page(p);

  ContentStream content;
  for (const layout::PlacedImage& image : page.images) {
    HPDF_Image img = drawing->images->get(image);
    const char* name = img ? HPDF_Page_GetXObjectName(p, img) : nullptr;
    if (name == nullptr) return;
    begin_part(&content, drawing->tree, image.part);
    content.draw_image(name, image.x, image.y, image.width, image.height);
    content.end_marked();
  }
  if (!page.rules.empty()) content.begin_artifact();
  for (const layout::PlacedRule& rule : page.rules) {
    content.draw_line(rule.x1, rule.y1, rule.x2, rule.y2, rule.thickness);
  }
  if (!page.rules.empty()) content.end_marked();
  std::string glyphs;
  bool marking = false;
  int part = layout::kNoPart;
  for (const layout::PlacedText& text : page.texts) {
    if (text.text.empty()) continue;
    const char* font = HPDF_Page_GetLocalFontName(p, drawing->fonts.font(text.style));
    if (font == nullptr) return;
    if (!marking || text.part != part) {
      if (marking) content.end_marked();
      part = text.part;
      begin_part(&content, drawing->tree, part);
      marking = true;
      const auto index = static_cast<std::size_t>(part);
      if (part != layout::kNoPart && drawing->bookmarks_wanted && !drawing->bookmarked[index] &&
          opens_section(drawing->parts[index])) {
        drawing->bookmarked[index] = true;
        drawing->bookmarks.push_back(Bookmark{drawing->parts[index].text, p, text.x,
                                              text.y + text.size});
      }
    }
    glyphs.clear();
    const long advance = drawing->fonts.encode(text.style, text.text, &glyphs);
    content.show_text(font, text.size, text.x, text.y, glyphs, advance);
  }
  if (marking) content.end_marked();
  drawing->id->add(content.finish());
  set_page_content(p, content.finish(),
                   compresses(doc, HPDF_COMP_TEXT) ? drawing->deflate : Deflate::kNone);
  add_signature_fields(doc, p, page.fields);
}

bool read_back(HPDF_Doc doc, std::string* bytes) {
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  bytes->resize(size);
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes->data()), &read);
  return read == size;
}

}  // namespace

bool write_pdf(const layout::LaidOutDocument& document, const FontSet& fonts,
               const PdfOptions& options, const std::string& name, std::string* bytes,
               Diagnostics* diagnostics) {
  HpdfDocument pdf;
  HPDF_Doc doc = pdf.get();
  if (!pdf.ok()) {
    diagnostics->error(name, msg("cannot make the PDF: {1}", pdf.error()));
    return false;
  }
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  // PDF 1.4, the version PDF/A-1 is built on; libharu would say 1.2 or 1.3.
  // PDF/A-2 is built on ISO 32000-1, PDF 1.7, and a PDF/A-2 file may say
  // any version up to it: 1.7 says which rules a reader should apply.
  const bool part2 = options.pdfa && options.pdfa_part == 2;
  doc->pdf_version = part2 ? HPDF_VER_17 : HPDF_VER_14;
  XmpFields fields = set_metadata(doc, document.metadata, options);
  fields.pdfa_part = part2 ? 2 : 1;
  set_language(doc, "vi");
  DocumentId id;
  if (options.pdfa) {
    std::string why;
    const std::string* profile = options.srgb ? options.srgb->get(&why) : nullptr;
    if (profile == nullptr) {
      diagnostics->error(name, options.srgb ? msg("cannot make a PDF/A: {1}", why)
                                            : msg("cannot make a PDF/A: no sRGB profile given"));
      return false;
    }
    const std::string xmp = xmp_packet(fields);
    set_metadata_stream(doc, xmp);
    add_output_intent(doc, *profile);
    id.add(xmp);
  } else {
    id.add(fields.title);
    id.add(fields.date);
  }

  // Two passes: the fonts must know every character before the first CID
  // is written, so that CIDs follow code point order (see font_embedder.h).
  if (options.font_files == nullptr) {
    diagnostics->error(name, msg("cannot make the PDF: no font file cache given"));
    return false;
  }
  FontFileCache& files = *options.font_files;
  // A one-page document's streams are compressed harder: issue 13 bounds
  // its size, and it is a small part of what a bulk run compresses.
  const Deflate deflate = document.pages.size() == 1 ? Deflate::kSmall : Deflate::kFast;
  FontEmbedder embedder(fonts, files, options.pdfa, deflate);
  for (const layout::Page& page : document.pages) {
    for (const layout::PlacedText& text : page.texts) embedder.add(text.style, text.text);
  }
  std::string why;
  if (!embedder.embed(doc, &why)) {
    diagnostics->error(name, msg("cannot embed the fonts: {1}", why));
    return false;
  }
  ImageCache images(doc, options.pdfa);
  StructureTree tree(doc, document.parts);
  Drawing drawing{embedder, &images, &id, &tree, document.parts, deflate, document.pages.size() > 1,
                  std::vector<bool>(document.parts.size()), {}};
  for (const layout::Page& page : document.pages) {
    if (!pdf.ok()) break;
    draw_page(doc, page, document.width, document.height, &drawing);
  }
  tree.finish();
  add_bookmarks(doc, drawing.bookmarks);
  if (!images.error().id.empty()) {
    diagnostics->error(name, part2 ? nest(msg("cannot embed a photo in a PDF/A-2b: {1}", ""), 1, images.error())
                                   : nest(msg("cannot embed a photo in a PDF/A-1b: {1}", ""), 1, images.error()));
    return false;
  }
  id.write(doc);
  if (pdf.ok()) HPDF_SaveToStream(doc);
  if (!pdf.ok()) {
    diagnostics->error(name, msg("cannot make the PDF: {1}", pdf.error()));
    return false;
  }
  if (!read_back(doc, bytes) || !pdf.ok()) {
    diagnostics->error(name, msg("cannot read the PDF back from libharu: {1}", pdf.error()));
    return false;
  }
  return true;
}

}  // namespace vanban::pdf
