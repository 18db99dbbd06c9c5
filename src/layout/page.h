// The result of layout: pages of positioned text, rules and images, in PDF
// points with the origin at the bottom left. The PDF stage only draws this.
#ifndef VANBAN_LAYOUT_PAGE_H_
#define VANBAN_LAYOUT_PAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "base/font_face.h"
#include "input/session.h"
#include "layout/document.h"

namespace vanban::layout {

// A part of the document a reader meets (a paragraph, a photo, a row of
// columns or one column), in reading order: what a tagged PDF's structure
// tree and its bookmarks are made of. Rules, spaces and page numbers are
// no part: they are decoration (a PDF's artifacts).
struct Part {
  enum class Kind { kParagraph, kFigure, kColumns, kColumn };
  Kind kind = Kind::kParagraph;
  Role role = Role::kBody;  // kParagraph
  int parent = -1;          // index in LaidOutDocument::parts; -1: the document itself
  std::string text;         // kParagraph: its text, the inlines joined
};

// Which part a placed piece belongs to; -1 for none (a page number).
constexpr int kNoPart = -1;

struct PlacedText {
  double x = 0;  // start of the baseline
  double y = 0;
  FontStyle style = FontStyle::kRegular;
  double size = 13;
  std::string text;
  int part = kNoPart;
};

struct PlacedRule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.5;
};

struct PlacedImage {
  double x = 0, y = 0;  // bottom left
  double width = 0, height = 0;
  std::shared_ptr<const std::string> data;
  input::ImageInfo info;
  int part = kNoPart;
};

// Where a signature goes: the rectangle of an empty signature field.
struct PlacedField {
  std::string name;
  double x = 0, y = 0;  // bottom left
  double width = 0, height = 0;
};

struct Page {
  std::vector<PlacedText> texts;
  std::vector<PlacedRule> rules;
  std::vector<PlacedImage> images;
  std::vector<PlacedField> fields;
};

struct LaidOutDocument {
  double width = 0, height = 0;
  Metadata metadata;
  std::vector<Page> pages;
  // In document order, which is reading order: a part's parent comes
  // before it, and the header's left column before its right one.
  std::vector<Part> parts;
};

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_PAGE_H_
