#include "formats/pdf/font_program.h"

#include <hb-ot.h>
#include <hb-subset.h>

#include <cstring>

#include "base/font_tables.h"

namespace vanban::pdf {

namespace {

template <class T, void (*destroy)(T*)>
using Handle = std::unique_ptr<T, hb::Deleter<T, destroy>>;
using SubsetInput = Handle<hb_subset_input_t, hb_subset_input_destroy>;
using SubsetPlan = Handle<hb_subset_plan_t, hb_subset_plan_destroy>;

// Tables a PDF viewer does not read from a CIDFontType2 program: it reaches
// glyphs through CIDToGIDMap (PDF 32000, 9.9: no cmap needed), takes widths
// from /W and names and flags from the font dictionaries, and does no
// shaping. Dropping the layout tables also spares HarfBuzz the GSUB
// closure, half of a subset's time; dropping cmap another ~15%.
constexpr const char* kDroppedTables[] = {
    "GSUB", "GPOS", "GDEF", "kern", "name", "post", "OS/2", "gasp", "DSIG",
    "hdmx", "VDMX", "LTSH", "cvt ", "fpgm", "prep", "PCLT", "meta", "morx", "cmap",
};

// Characters allowed in the PostScript name we put in /BaseFont: printable
// ASCII without the PDF delimiters, so the name needs no escaping.
std::string plain_name(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c > ' ' && c < 0x7F && std::strchr("()<>[]{}/%#", c) == nullptr) out += c;
  }
  return out.empty() ? "Font" : out;
}

// The FontDescriptor's values, read from the tables as stored: the bounding
// box, isFixedPitch and sFamilyClass have no HarfBuzz getter, and reading
// the rest from the same tables keeps every value as it was.
FaceDescription describe(hb_face_t* face) {
  const FontTable head(face, "head"), hhea(face, "hhea"), post(face, "post"), os2(face, "OS/2");
  const int units_per_em = head.u16(18);  // checked by FontFace::parse
  const auto per_mille = [units_per_em](int units) { return units * 1000 / units_per_em; };
  FaceDescription d;
  for (int i = 0; i < 4; ++i) d.bbox[i] = per_mille(head.s16(36 + 2u * i));
  d.ascent = per_mille(hhea.s16(4));
  d.descent = per_mille(hhea.s16(6));
  d.italic_angle = static_cast<std::int32_t>(post.u32(4)) / 65536.0;
  d.fixed_pitch = post.u32(12) != 0;
  d.italic = (head.u16(44) & 2) != 0 || (os2.u16(62) & 1) != 0;
  d.cap_height = d.ascent;
  if (os2.size() != 0) {
    d.weight = os2.u16(4);
    // sFamilyClass 1-5 and 7 are the serif classes (oldstyle ... freeform).
    const int family_class = os2.u16(30) >> 8;
    d.serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
    if (os2.u16(0) >= 2 && os2.s16(88) > 0) d.cap_height = per_mille(os2.s16(88));
  }
  return d;
}

}  // namespace

std::unique_ptr<const FontProgram> FontProgram::make(const FontFace& face, std::string* error) {
  if (hb_face_get_glyph_count(face.hb_face()) == 0) {
    *error = "HarfBuzz finds no glyphs";
    return nullptr;
  }
  std::unique_ptr<FontProgram> program(new FontProgram());
  program->source_.reset(hb_face_reference(face.hb_face()));
  program->postscript_name_ = plain_name(font_name(face.hb_face(), HB_OT_NAME_ID_POSTSCRIPT_NAME));
  program->description_ = describe(face.hb_face());
  return program;
}

bool FontProgram::subset(const std::vector<char32_t>& code_points, Subset* out,
                         std::string* error) const {
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) {
    *error = "out of memory";
    return false;
  }
  // Hinting is a third of a glyph's bytes and PDF viewers rasterise
  // unhinted; .notdef keeps its outline (a box where a character is missing).
  hb_subset_input_set_flags(input.get(),
                            HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);

  SubsetPlan plan(hb_subset_plan_create_or_fail(source_.get(), input.get()));
  hb::Face result(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
  if (!result) {
    *error = "HarfBuzz cannot subset the font";
    return false;
  }
  // HarfBuzz renumbers the glyphs it keeps; follow each code point through
  // the plan to its glyph in the subset.
  const hb_map_t* unicode_to_old = hb_subset_plan_unicode_to_old_glyph_mapping(plan.get());
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  out->glyphs.clear();
  for (char32_t cp : code_points) {
    const hb_codepoint_t old_glyph = hb_map_get(unicode_to_old, cp);
    const hb_codepoint_t new_glyph =
        old_glyph == HB_MAP_VALUE_INVALID ? HB_MAP_VALUE_INVALID : hb_map_get(old_to_new, old_glyph);
    out->glyphs.push_back(new_glyph == HB_MAP_VALUE_INVALID ? 0
                                                            : static_cast<std::uint16_t>(new_glyph));
  }
  hb::Blob blob(hb_face_reference_blob(result.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  out->program.assign(data ? data : "", data ? length : 0);
  return true;
}

}  // namespace vanban::pdf
