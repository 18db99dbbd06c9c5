// What the layout markup says, after parsing: page set-up, metadata and a
// flow of blocks. Text in it is final: NFC, in the run's tone style.
#ifndef VANBAN_LAYOUT_DOCUMENT_H_
#define VANBAN_LAYOUT_DOCUMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "input/session.h"

namespace vanban::layout {

constexpr double kPointsPerMm = 72.0 / 25.4;

enum class Align { kJustify, kLeft, kCenter, kRight };

// How a paragraph's lines are chosen. Total fit (Knuth and Plass) weighs
// the whole paragraph at once, so no loose line sits next to a tight one;
// greedy fills each line in turn, as a word processor does.
enum class LineBreaking { kTotalFit, kGreedy };

struct PageSetup {
  double width = 210 * kPointsPerMm;  // A4 portrait
  double height = 297 * kPointsPerMm;
  double margin_top = 20 * kPointsPerMm;
  double margin_bottom = 20 * kPointsPerMm;
  double margin_left = 30 * kPointsPerMm;
  double margin_right = 15 * kPointsPerMm;
  // Decree 30: Arabic numerals centred in the top margin, none on page 1.
  bool page_numbers = false;
  double page_number_size = 13;
  // When above 0: a document whose last page holds little is set again
  // with its body text (paragraphs at the document's font-size) down to
  // this size, in half points, if that saves the page (Decree 30 allows
  // 13 to 14 pt for the body).
  double body_shrink_to = 0;
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
};

struct Inline {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool no_break = false;  // <nobr>: no line break inside
};

// What a paragraph is to a reader, as the template says (role="..."):
// what a PDF's structure tree, a word processor's named styles and a web
// page need, and what layout itself never looks at. The names are those of
// Decree 30's parts of a document (Phụ lục I) and of a news article.
enum class Role {
  kBody,               // "body": an ordinary paragraph (the default)
  kParentAgency,       // "parent-agency": cơ quan chủ quản, "UBND TỈNH ..."
  kAgency,             // "agency": cơ quan ban hành
  kNationalMotto,      // "national-motto": Quốc hiệu
  kTagline,            // "tagline": Tiêu ngữ
  kNumber,             // "number": "Số: ..."
  kPlaceDate,          // "place-date": địa danh, ngày tháng năm
  kDocType,            // "doc-type": tên loại, "THÔNG BÁO", "BIÊN BẢN"
  kTitle,              // "title": trích yếu; a news item's headline
  kHeading,            // "heading": a section heading in the body
  kListItem,           // "list-item": "- ..." in a list
  kSignerAuthority,    // "signer-authority": "TM. ...", "KT. ..."
  kSignerPosition,     // "signer-position": the signer's office
  kSignerName,         // "signer-name"
  kRecipientsHeading,  // "recipients-heading": "Nơi nhận:"
  kRecipient,          // "recipient": one line of Nơi nhận
  kCategory,           // "category": a news item's section
  kSapo,               // "sapo": a news item's bold lead
  kCaption,            // "caption": under a photo
  kByline,             // "byline": a news item's author
};

// The attribute value of `role` ("place-date"), and back; false for a
// name that is none of them.
const char* role_name(Role role);
bool role_from_name(std::string_view name, Role* role);
// "body, parent-agency, ... or byline": for an error message.
std::string role_names();

struct ParagraphStyle {
  Align align = Align::kJustify;
  double size = 13;            // points
  double line_height = 1.15;   // times the size; 1.15 is "single" for Times
  double first_indent = 0;     // points
  double space_before = 0;
  double space_after = 0;
  double left = 0;             // extra margins inside the text area
  double right = 0;
  bool keep_with_next = false;
  // Balanced lines for titles: as many lines as needed, as equal in length
  // as they can be, so no word is left alone on the last line.
  bool balance = false;
  // When above 0: a paragraph that takes more than one line at `size` is
  // set at the largest size down to this one (in half points) at which it
  // takes one ("Thành phố Hồ Chí Minh, ngày ..." at 13 pt, which Decree 30
  // allows for the place-date line, rather than wrapped at 14).
  double shrink_to = 0;
  // Set at the document's font-size (no size of its own): body text, which
  // fitting a document to its pages may set smaller.
  bool body = true;
  LineBreaking breaking = LineBreaking::kTotalFit;
};

struct Paragraph {
  ParagraphStyle style;
  Role role = Role::kBody;
  std::vector<Inline> inlines;
  SourceLocation where;
};

struct Image {
  std::shared_ptr<const std::string> data;
  input::ImageInfo info;
  double width_fraction = 1.0;  // of the text width
  Align align = Align::kCenter;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
};

struct Rule {
  double width_fraction = 1.0;
  // Measured against the text line above (the widest line of the paragraph
  // just before), not the column: Decree 30's rule under the Tiêu ngữ is as
  // long as the Tiêu ngữ, the one under the agency's name a third to a half
  // of it. The rule is then centred under that text.
  bool of_text = false;
  double thickness = 0.5;
  Align align = Align::kCenter;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
};

struct Space {
  double height = 0;
};

struct PageBreak {};

// <signature>: the gap between the signer's position and name where the
// signature image goes (Decree 30, Phụ lục I, ô 7c). The PDF stage marks
// it with an empty signature field, so that signing software puts the
// image where the decree does instead of guessing.
struct Signature {
  std::string name;                    // the field's name, unique in the document
  double height = 25 * kPointsPerMm;   // the gap, as a <space> of this height
  double width = 45 * kPointsPerMm;    // the field, centred in its column
};

struct Column;

// Side-by-side columns (the two-column header of an administrative
// document, Nơi nhận beside the signer). Never split across pages.
struct Columns {
  std::vector<Column> columns;
  // Shift the columns so that their first lines share one baseline
  // ("Số: ..." level with the place-date line).
  bool align_baselines = false;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
};

using Block = std::variant<Paragraph, Image, Rule, Space, PageBreak, Columns, Signature>;

struct Column {
  double width_fraction = 0.5;  // of the width the columns share
  std::vector<Block> blocks;
};

struct Document {
  PageSetup page;
  Metadata metadata;
  std::vector<Block> blocks;
};

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_DOCUMENT_H_
