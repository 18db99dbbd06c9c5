#include "formats/pdf/font_embedder.h"

#include <hpdf_doc.h>

#include <algorithm>
#include <cmath>

#include "formats/pdf/cid_widths.h"
#include "formats/pdf/hpdf_objects.h"
#include "text/utf8.h"

namespace vanban::pdf {

using text::next_code_point;  // a parameter is often called "text"

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex4(std::string* out, unsigned value) {
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(value >> shift) & 0xF]);
}

// One byte inside a PDF literal string.
void append_string_byte(std::string* out, char byte) {
  switch (byte) {
    case '(':
    case ')':
    case '\\':
      out->push_back('\\');
      out->push_back(byte);
      break;
    case '\r':
      out->append("\\r");
      break;
    case '\n':
      out->append("\\n");
      break;
    default:
      out->push_back(byte);
  }
}

// `cp` as UTF-16BE hex, the form a ToUnicode CMap gives its targets.
void append_utf16_hex(std::string* out, char32_t cp) {
  if (cp < 0x10000) return append_hex4(out, cp);
  cp -= 0x10000;
  append_hex4(out, 0xD800 + (cp >> 10));
  append_hex4(out, 0xDC00 + (cp & 0x3FF));
}

// ToUnicode CMap: CID c -> by_cid[c], for every c whose entry is not 0 (a
// glyph drawn only as part of another has no text). Runs of consecutive
// CIDs with consecutive code points become bfrange lines; a range may not
// cross a change of the CID's high byte or wrap the target's low byte
// (PDF 32000, 9.10.3), and a block holds at most 100 lines.
std::string to_unicode_cmap(const std::vector<char32_t>& by_cid) {
  struct Run {
    unsigned first_cid, last_cid;
    char32_t first_cp;
  };
  std::vector<Run> ranges, singles;
  for (std::size_t i = 1; i < by_cid.size();) {
    if (by_cid[i] == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < by_cid.size() && by_cid[j + 1] == by_cid[j] + 1 && by_cid[j + 1] < 0x10000 &&
           (by_cid[j + 1] & 0xFF) != 0 && (j + 1) >> 8 == i >> 8) {
      ++j;
    }
    Run run{static_cast<unsigned>(i), static_cast<unsigned>(j), by_cid[i]};
    (j > i ? ranges : singles).push_back(run);
    i = j + 1;
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  const auto write_blocks = [&out](const std::vector<Run>& runs, bool range) {
    for (std::size_t b = 0; b < runs.size(); b += 100) {
      const std::size_t end = std::min(runs.size(), b + 100);
      out += std::to_string(end - b) + (range ? " beginbfrange\n" : " beginbfchar\n");
      for (std::size_t k = b; k < end; ++k) {
        out += '<';
        append_hex4(&out, runs[k].first_cid);
        if (range) {
          out += "> <";
          append_hex4(&out, runs[k].last_cid);
        }
        out += "> <";
        append_utf16_hex(&out, runs[k].first_cp);
        out += ">\n";
      }
      out += range ? "endbfrange\n" : "endbfchar\n";
    }
  };
  write_blocks(ranges, true);
  write_blocks(singles, false);
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

// Six capitals naming a subset (PDF 32000, 9.6.4), taken from a hash of the
// face and the code points so that the same subset always gets the same tag
// and different subsets of a face almost never share one.
std::string subset_tag(const std::string& font_name, const std::vector<char32_t>& code_points) {
  std::uint64_t hash = 0xCBF29CE484222325u;  // FNV-1a
  const auto mix = [&hash](std::uint32_t value) { hash = (hash ^ value) * 0x100000001B3u; };
  for (char c : font_name) mix(static_cast<unsigned char>(c));
  for (char32_t cp : code_points) mix(cp);
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  return tag;
}

// One indirect object the document's faces share: the same three entries
// in every CIDFont cost a hundred bytes more in a four-face notice.
HPDF_Dict cid_system_info(HPDF_Doc doc) {
  HPDF_Dict info = new_indirect_dict(doc);
  put(info, "Registry", HPDF_String_New(doc->mmgr, "Adobe", nullptr));
  put(info, "Ordering", HPDF_String_New(doc->mmgr, "Identity", nullptr));
  put_number(info, "Supplement", 0);
  return info;
}

// /W from encode_cid_widths' segments: "first [w ...]" or "first last w".
HPDF_Array width_array(HPDF_Doc doc, const CidWidths& widths) {
  HPDF_Array w = HPDF_Array_New(doc->mmgr);
  for (std::size_t i = 0; w && i < widths.segments.size(); ++i) {
    const WidthSegment& segment = widths.segments[i];
    HPDF_Array_AddNumber(w, segment.first);
    if (segment.widths.size() == 1) {
      HPDF_Array_AddNumber(w, segment.last);
      HPDF_Array_AddNumber(w, segment.widths[0]);
    } else {
      HPDF_Array_Add(w, number_array(doc, segment.widths));
    }
  }
  return w;
}

HPDF_Dict font_descriptor(HPDF_Doc doc, const FaceDescription& face, const std::string& name,
                          HPDF_Dict font_file) {
  // Flags: 4 Symbolic (the glyphs are reached by CID, not by a standard
  // Latin encoding), 1 FixedPitch, 2 Serif, 64 Italic.
  const int flags = 4 | (face.fixed_pitch ? 1 : 0) | (face.serif ? 2 : 0) | (face.italic ? 64 : 0);
  // StemV is required but unknown to a TrueType font; viewers use it only
  // when they substitute a font. The usual estimate from the weight class.
  const int stem_v =
      50 + static_cast<int>(std::lround((face.weight / 65.0) * (face.weight / 65.0)));
  HPDF_Dict d = new_indirect_dict(doc);
  put_name(d, "Type", "FontDescriptor");
  put_name(d, "FontName", name);
  put_number(d, "Flags", flags);
  put(d, "FontBBox", number_array(doc, {face.bbox[0], face.bbox[1], face.bbox[2], face.bbox[3]}));
  if (d) HPDF_Dict_AddReal(d, "ItalicAngle", static_cast<HPDF_REAL>(face.italic_angle));
  put_number(d, "Ascent", face.ascent);
  put_number(d, "Descent", face.descent);
  put_number(d, "CapHeight", face.cap_height);
  put_number(d, "StemV", stem_v);
  put(d, "FontFile2", font_file);
  return d;
}

// /CIDSet: one bit per CID from 0 (.notdef) to `count`, the first CID in
// the high bit of the first byte. Every CID is in the font: the ones whose
// code point the face lacks draw .notdef, as layout measured them.
std::string cid_set(std::size_t count) {
  std::string bits(count / 8 + 1, '\0');
  for (std::size_t cid = 0; cid <= count; ++cid) {
    bits[cid / 8] = static_cast<char>(bits[cid / 8] | (0x80 >> (cid % 8)));
  }
  return bits;
}

// How CIDs reach glyphs. Usually each code point has a glyph of its own in
// the subset: then CID = glyph number, /CIDToGIDMap /Identity, and glyphs
// that only serve as parts of accented letters are CIDs with no text.
// Where two code points share an outline (space and no-break space) or one
// has no glyph, a CID per code point keeps extraction exact: CID k draws
// code_points[k - 1], through a map of 2 bytes per CID, big-endian.
struct CidNumbering {
  std::vector<char32_t> code_point;  // by CID; 0 for CID 0 and for no text
  std::string cid_to_gid;            // empty for /Identity
};

CidNumbering number_cids(const std::vector<char32_t>& code_points,
                         const std::vector<char32_t>& drawn,
                         const std::vector<std::uint16_t>& glyphs) {
  CidNumbering numbering;
  bool identity = drawn.size() == code_points.size();
  std::uint16_t last_glyph = 0;
  for (std::size_t i = 0; identity && i < glyphs.size(); ++i) {
    identity = glyphs[i] != 0;
    last_glyph = std::max(last_glyph, glyphs[i]);
  }
  if (identity) {
    numbering.code_point.assign(last_glyph + 1u, 0);
    for (std::size_t i = 0; identity && i < glyphs.size(); ++i) {
      identity = numbering.code_point[glyphs[i]] == 0;  // a shared outline
      numbering.code_point[glyphs[i]] = drawn[i];
    }
    if (identity) return numbering;
  }
  numbering.code_point.assign(1, 0);
  numbering.code_point.insert(numbering.code_point.end(), code_points.begin(), code_points.end());
  numbering.cid_to_gid.assign(2 * (code_points.size() + 1), '\0');
  for (std::size_t i = 0, next = 0; i < code_points.size(); ++i) {
    if (next == drawn.size() || drawn[next] != code_points[i]) continue;  // .notdef
    const std::uint16_t glyph = glyphs[next++];
    numbering.cid_to_gid[2 * (i + 1)] = static_cast<char>(glyph >> 8);
    numbering.cid_to_gid[2 * (i + 1) + 1] = static_cast<char>(glyph & 0xFF);
  }
  return numbering;
}

}  // namespace

// --- CodePointTable -------------------------------------------------------------

std::uint16_t CodePointTable::get(char32_t cp) const {
  if (cp >= 0x10000) {
    auto it = astral_.find(cp);
    return it == astral_.end() ? 0 : it->second;
  }
  const auto& page = pages_[cp >> 8];
  return page ? (*page)[cp & 0xFF] : 0;
}

void CodePointTable::set(char32_t cp, std::uint16_t value) {
  if (cp >= 0x10000) {
    astral_[cp] = value;
    return;
  }
  auto& page = pages_[cp >> 8];
  if (!page) page = std::make_unique<std::array<std::uint16_t, 256>>();  // zeroed
  (*page)[cp & 0xFF] = value;
}

// --- FontEmbedder ---------------------------------------------------------------

FontEmbedder::UsedFace* FontEmbedder::find(FontStyle style) const {
  const FontFace* face = &fonts_.face(style);
  for (const auto& used : used_) {
    if (used->face == face) return used.get();
  }
  return nullptr;
}

void FontEmbedder::add(FontStyle style, std::string_view text) {
  if (text.empty()) return;  // draws nothing: no reason to embed the face
  UsedFace* used = find(style);
  if (!used) {
    used_.push_back(std::make_unique<UsedFace>());
    used = used_.back().get();
    used->face = &fonts_.face(style);
  }
  for (std::size_t i = 0; i < text.size();) used->cids.set(next_code_point(text, &i), 1);
}

bool FontEmbedder::embed(HPDF_Doc doc, std::string* error) {
  HPDF_Dict system_info = used_.empty() ? nullptr : cid_system_info(doc);
  for (const auto& used : used_) {
    if (!embed_face(doc, used.get(), system_info, error)) return false;
  }
  return true;
}

bool FontEmbedder::embed_face(HPDF_Doc doc, UsedFace* used, HPDF_Dict system_info,
                              std::string* error) {
  std::shared_ptr<const FontProgram> font = files_.get(*used->face, error);
  if (!font) return false;
  std::vector<char32_t> code_points;  // in code point order
  used->cids.for_each([&code_points](char32_t cp, std::uint16_t) { code_points.push_back(cp); });
  if (code_points.size() >= 0xFFFFu) {
    *error = used->face->path() + ": too many different characters for one font";
    return false;
  }
  // Layout measured with FontFace; draw exactly what it measured, and a
  // code point it had no glyph for as .notdef, as it measured it.
  std::vector<char32_t> drawn;
  for (char32_t cp : code_points) {
    if (used->face->has_glyph(cp)) drawn.push_back(cp);
  }
  Subset subset;
  if (!font->subset(drawn, &subset, error)) {
    *error = used->face->path() + ": " + *error;
    return false;
  }
  const CidNumbering numbering = number_cids(code_points, drawn, subset.glyphs);
  for (std::size_t cid = 1; cid < numbering.code_point.size(); ++cid) {
    if (numbering.code_point[cid] != 0) {
      used->cids.set(numbering.code_point[cid], static_cast<std::uint16_t>(cid));
    }
  }
  std::vector<int> widths;  // of CIDs 1..n; a glyph no code point draws is never shown
  for (std::size_t cid = 1; cid < numbering.code_point.size(); ++cid) {
    const char32_t cp = numbering.code_point[cid];
    widths.push_back(cp == 0 ? kNeverShown : used->face->advance(cp));
  }
  const CidWidths cid_widths = encode_cid_widths(widths);
  const std::string& program = subset.program;

  const Deflate compress = compresses(doc, HPDF_COMP_METADATA) ? deflate_ : Deflate::kNone;
  const std::string name = subset_tag(font->postscript_name(), code_points) + "+" +
                           font->postscript_name().substr(0, 100);

  HPDF_Dict font_file = new_stream(doc, program, compress);
  put_number(font_file, "Length1", static_cast<long>(program.size()));

  HPDF_Dict cid_font = new_indirect_dict(doc);
  put_name(cid_font, "Type", "Font");
  put_name(cid_font, "Subtype", "CIDFontType2");
  put_name(cid_font, "BaseFont", name);
  put(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict descriptor = font_descriptor(doc, font->description(), name, font_file);
  if (cid_sets_) {
    put(descriptor, "CIDSet",
        new_stream(doc, cid_set(numbering.code_point.size() - 1), compress));
  }
  put(cid_font, "FontDescriptor", descriptor);
  put_number(cid_font, "DW", cid_widths.default_width);
  put(cid_font, "W", width_array(doc, cid_widths));
  if (numbering.cid_to_gid.empty()) {
    put_name(cid_font, "CIDToGIDMap", "Identity");
  } else {
    put(cid_font, "CIDToGIDMap", new_stream(doc, numbering.cid_to_gid, compress));
  }

  HPDF_Array descendants = HPDF_Array_New(doc->mmgr);
  if (descendants && cid_font) HPDF_Array_Add(descendants, cid_font);

  used->dict = new_indirect_dict(doc);
  put_name(used->dict, "Type", "Font");
  put_name(used->dict, "Subtype", "Type0");
  put_name(used->dict, "BaseFont", name);
  put_name(used->dict, "Encoding", "Identity-H");
  put(used->dict, "DescendantFonts", descendants);
  put(used->dict, "ToUnicode",
      new_stream(doc, to_unicode_cmap(numbering.code_point), compress));
  return true;
}

HPDF_Dict FontEmbedder::font(FontStyle style) const {
  const UsedFace* used = find(style);
  return used ? used->dict : nullptr;
}

long FontEmbedder::encode(FontStyle style, std::string_view text, std::string* out) const {
  // A literal string of raw CID bytes: half the size of hex, which also
  // halves what deflate has to chew through. Only the delimiters, the
  // backslash and line ends (which a reader would normalise) are escaped.
  const UsedFace* used = find(style);
  long width = 0;
  out->push_back('(');
  for (std::size_t i = 0; used && i < text.size();) {
    const char32_t cp = next_code_point(text, &i);
    const std::uint16_t cid = used->cids.get(cp);
    append_string_byte(out, static_cast<char>(cid >> 8));
    append_string_byte(out, static_cast<char>(cid & 0xFF));
    width += used->face->advance(cp);
  }
  out->push_back(')');
  return width;
}

}  // namespace vanban::pdf
