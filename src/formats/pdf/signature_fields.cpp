#include "formats/pdf/signature_fields.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "formats/pdf/hpdf_objects.h"

namespace vanban::pdf {

namespace {

constexpr long kPrintFlag = 4;  // annotation flag 3: printed, shown, not hidden
// AcroForm /SigFlags bit 1, SignaturesExist: the document has signature
// fields, so a viewer shows its signature panel.
constexpr long kSignaturesExist = 1;

HPDF_Array real_array(HPDF_Doc doc, std::initializer_list<double> values) {
  HPDF_Array array = HPDF_Array_New(doc->mmgr);
  for (double v : values) {
    if (array) HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(v));
  }
  return array;
}

// The AcroForm's /Fields, the form made when the document has none yet.
HPDF_Array form_fields(HPDF_Doc doc) {
  auto* form = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(doc->catalog, "AcroForm", HPDF_OCLASS_DICT));
  if (form == nullptr) {
    form = new_indirect_dict(doc);
    if (form == nullptr) return nullptr;
    put(form, "Fields", HPDF_Array_New(doc->mmgr));
    put_number(form, "SigFlags", kSignaturesExist);
    put(doc->catalog, "AcroForm", form);
  }
  return static_cast<HPDF_Array>(HPDF_Dict_GetItem(form, "Fields", HPDF_OCLASS_ARRAY));
}

HPDF_Array page_annotations(HPDF_Doc doc, HPDF_Page page) {
  auto* annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
  if (annots == nullptr) {
    annots = HPDF_Array_New(doc->mmgr);
    put(page, "Annots", annots);
  }
  return annots;
}

// An empty Form XObject of the field's size: its normal appearance.
HPDF_Dict empty_appearance(HPDF_Doc doc, double width, double height) {
  HPDF_Dict form = new_stream(doc, "", Deflate::kNone);
  put_name(form, "Type", "XObject");
  put_name(form, "Subtype", "Form");
  put(form, "BBox", real_array(doc, {0, 0, width, height}));
  put(form, "Resources", HPDF_Dict_New(doc->mmgr));
  return form;
}

}  // namespace

void add_signature_fields(HPDF_Doc doc, HPDF_Page page,
                          const std::vector<layout::PlacedField>& fields) {
  if (fields.empty()) return;
  HPDF_Array form = form_fields(doc);
  HPDF_Array annots = page_annotations(doc, page);
  if (form == nullptr || annots == nullptr) return;
  for (const layout::PlacedField& field : fields) {
    // One dictionary is both the field and its widget (ISO 32000-1,
    // 12.5.6.19), as signing tools expect of a signature field.
    HPDF_Dict widget = new_indirect_dict(doc);
    put_name(widget, "Type", "Annot");
    put_name(widget, "Subtype", "Widget");
    put_name(widget, "FT", "Sig");
    put(widget, "T", HPDF_String_New(doc->mmgr, field.name.c_str(), nullptr));
    put(widget, "Rect", real_array(doc, {field.x, field.y, field.x + field.width,
                                         field.y + field.height}));
    put_number(widget, "F", kPrintFlag);
    put(widget, "P", page);
    HPDF_Dict appearance = HPDF_Dict_New(doc->mmgr);
    put(appearance, "N", empty_appearance(doc, field.width, field.height));
    put(widget, "AP", appearance);
    if (widget == nullptr) return;
    HPDF_Array_Add(form, widget);
    HPDF_Array_Add(annots, widget);
  }
}

}  // namespace vanban::pdf
