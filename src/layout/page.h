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

struct PlacedText {
  double x = 0;  // start of the baseline
  double y = 0;
  FontStyle style = FontStyle::kRegular;
  double size = 13;
  std::string text;
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
};

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_PAGE_H_
