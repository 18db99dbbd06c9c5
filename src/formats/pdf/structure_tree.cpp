#include "formats/pdf/structure_tree.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "formats/pdf/hpdf_objects.h"
#include "formats/pdf/text_string.h"

namespace vanban::pdf {

using layout::Part;
using layout::Role;

namespace {

// /K [ x ] becomes /K x: PDF 32000 (table 323) allows a lone kid either
// way, and nearly every element has one (4 bytes each, 40 elements a page).
void unwrap_lone_kid(HPDF_Dict element, HPDF_Array kids) {
  if (element == nullptr || kids == nullptr || HPDF_Array_Items(kids) != 1) return;
  // Read before replacing /K frees the array and what it holds directly.
  auto* only = static_cast<HPDF_Obj_Header*>(HPDF_List_ItemAt(kids->list, 0));
  if (only->obj_class == HPDF_OCLASS_NUMBER) {
    put_number(element, "K", reinterpret_cast<HPDF_Number>(only)->value);
  } else if (only->obj_class == HPDF_OCLASS_PROXY) {
    put(element, "K", reinterpret_cast<HPDF_Proxy>(only)->obj);  // an indirect element
  }
}

}  // namespace

StructureTree::StructureTree(HPDF_Doc doc, const std::vector<Part>& parts)
    : doc_(doc), parts_(parts), nodes_(parts.size()) {
  // Everything made is attached at once to an object the document owns:
  // libharu frees only what it can reach from its cross-reference table.
  root_ = new_indirect_dict(doc_);
  put_name(root_, "Type", "StructTreeRoot");
  HPDF_Dict parent_tree = HPDF_Dict_New(doc_->mmgr);
  put(root_, "ParentTree", parent_tree);
  parent_tree_ = HPDF_Array_New(doc_->mmgr);
  put(parent_tree, "Nums", parent_tree_);
  if (parent_tree == nullptr) parent_tree_ = nullptr;
  put(doc_->catalog, "StructTreeRoot", root_);
  HPDF_Dict mark_info = HPDF_Dict_New(doc_->mmgr);
  put(mark_info, "Marked", HPDF_Boolean_New(doc_->mmgr, HPDF_TRUE));
  put(doc_->catalog, "MarkInfo", mark_info);
}

bool StructureTree::is_list_item(int part) const {
  const Part& p = parts_[static_cast<std::size_t>(part)];
  return p.kind == Part::Kind::kParagraph &&
         (p.role == Role::kListItem || p.role == Role::kRecipient);
}

const char* StructureTree::tag(int part) const {
  const Part& p = parts_[static_cast<std::size_t>(part)];
  switch (p.kind) {
    case Part::Kind::kFigure: return "Figure";
    case Part::Kind::kColumns: return "Sect";
    case Part::Kind::kColumn: return "Div";
    case Part::Kind::kParagraph: break;
  }
  if (is_list_item(part)) return "LBody";
  switch (p.role) {
    case Role::kTitle: return "H1";
    case Role::kHeading: return "H2";
    case Role::kCaption: return "Caption";
    default: return "P";
  }
}

void StructureTree::begin_page(HPDF_Page page) {
  page_ = page;
  page_marks_ = nullptr;
  put_number(page, "StructParents", pages_);
  if (parent_tree_) {
    HPDF_Array marks = HPDF_Array_New(doc_->mmgr);
    HPDF_Array_AddNumber(parent_tree_, static_cast<HPDF_INT32>(pages_));
    if (marks && HPDF_Array_Add(parent_tree_, marks) == HPDF_OK) page_marks_ = marks;
  }
  ++pages_;
}

int StructureTree::mark(int part) {
  Node& node = nodes_[static_cast<std::size_t>(part)];
  if (node.element == nullptr) {
    node.element = new_element(tag(part), nullptr);
    node.kids = HPDF_Array_New(doc_->mmgr);
    node.page = page_;
    put(node.element, "Pg", page_);
    put(node.element, "K", node.kids);
    if (node.element == nullptr) node.kids = nullptr;
  }
  const int mcid = page_marks_ ? static_cast<int>(HPDF_Array_Items(page_marks_)) : 0;
  if (page_marks_ && node.element) HPDF_Array_Add(page_marks_, node.element);
  if (node.kids == nullptr) return mcid;
  if (node.page == page_) {
    HPDF_Array_AddNumber(node.kids, mcid);
  } else {
    // Content on a later page than the element's /Pg: a marked-content
    // reference naming its page (a paragraph that crosses a page).
    HPDF_Dict reference = HPDF_Dict_New(doc_->mmgr);
    put_name(reference, "Type", "MCR");
    put(reference, "Pg", page_);
    put_number(reference, "MCID", mcid);
    if (reference) HPDF_Array_Add(node.kids, reference);
  }
  return mcid;
}

HPDF_Dict StructureTree::new_element(const char* type, HPDF_Dict parent) {
  // No /Type /StructElem: it is optional (PDF 32000, table 323), and a
  // hundred elements a document make it 2 KB of an uncompressed file.
  HPDF_Dict element = new_indirect_dict(doc_);
  put_name(element, "S", type);
  put(element, "P", parent);
  return element;
}

void StructureTree::add_children(HPDF_Dict element, HPDF_Array kids, const std::vector<int>& parts,
                                 const std::vector<std::vector<int>>& children) {
  // Consecutive list items share one L, which is what makes them a list
  // for a screen reader ("list of 5 items").
  HPDF_Dict list = nullptr;
  HPDF_Array items = nullptr;
  for (int part : parts) {
    if (!is_list_item(part)) {
      list = nullptr;
      if (HPDF_Dict kid = this->element(part, element, children)) HPDF_Array_Add(kids, kid);
      continue;
    }
    if (list == nullptr) {
      list = new_element("L", element);
      items = HPDF_Array_New(doc_->mmgr);
      put(list, "K", items);
      if (list == nullptr || items == nullptr) return;
      HPDF_Array_Add(kids, list);
    }
    if (HPDF_Dict item = this->element(part, list, children)) HPDF_Array_Add(items, item);
  }
}

HPDF_Dict StructureTree::element(int part, HPDF_Dict parent,
                                 const std::vector<std::vector<int>>& children) {
  const std::size_t index = static_cast<std::size_t>(part);
  Node& node = nodes_[index];
  if (node.element != nullptr) {  // owns content: a paragraph or a photo
    if (parts_[index].kind == Part::Kind::kFigure && index + 1 < parts_.size()) {
      const Part& next = parts_[index + 1];
      if (next.kind == Part::Kind::kParagraph && next.role == Role::kCaption &&
          next.parent == parts_[index].parent && !next.text.empty())
        put(node.element, "Alt", text_string(doc_, next.text));
    }
    if (!is_list_item(part)) {
      put(node.element, "P", parent);
      return node.element;
    }
    HPDF_Dict item = new_element("LI", parent);
    HPDF_Array kids = HPDF_Array_New(doc_->mmgr);
    put(item, "K", kids);
    put(node.element, "P", item);
    if (kids) HPDF_Array_Add(kids, node.element);
    unwrap_lone_kid(item, kids);
    return item;
  }
  HPDF_Dict container = new_element(tag(part), parent);
  HPDF_Array kids = HPDF_Array_New(doc_->mmgr);
  put(container, "K", kids);
  if (container && kids) add_children(container, kids, children[index], children);
  unwrap_lone_kid(container, kids);
  return container;
}

void StructureTree::finish() {
  // Which parts own content, themselves or below: parents come before
  // their children, so one pass from the end carries it up.
  std::vector<bool> has_content(parts_.size());
  for (std::size_t i = parts_.size(); i-- > 0;) {
    if (nodes_[i].element != nullptr) has_content[i] = true;
    const int parent = parts_[i].parent;
    if (has_content[i] && parent >= 0) has_content[static_cast<std::size_t>(parent)] = true;
  }
  std::vector<std::vector<int>> children(parts_.size());
  std::vector<int> top;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    if (!has_content[i]) continue;
    const int parent = parts_[i].parent;
    (parent >= 0 ? children[static_cast<std::size_t>(parent)] : top).push_back(static_cast<int>(i));
  }

  HPDF_Dict document = new_element("Document", root_);
  put(root_, "K", document);
  HPDF_Array kids = HPDF_Array_New(doc_->mmgr);
  put(document, "K", kids);
  if (document && kids) add_children(document, kids, top, children);
  unwrap_lone_kid(document, kids);
  for (const Node& node : nodes_) unwrap_lone_kid(node.element, node.kids);
  put_number(root_, "ParentTreeNextKey", pages_);
}

}  // namespace vanban::pdf
