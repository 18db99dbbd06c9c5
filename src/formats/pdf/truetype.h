// A TrueType font file parsed for embedding: what the PDF stage needs to
// build a subset (glyph outlines, metrics, the tables it copies) and to fill
// in a FontDescriptor. Parsed once per process and then only read, so one
// instance can serve every document on every thread.
//
// base/font_face.h answers layout's questions (advances by code point); this
// class answers the embedder's (glyph ids, outlines) from the same file.
#ifndef VANBAN_FORMATS_PDF_TRUETYPE_H_
#define VANBAN_FORMATS_PDF_TRUETYPE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::pdf {

// Big-endian reads that never go past the end of `bytes`: out of range reads
// give zero, so a truncated font yields empty glyphs instead of a crash.
class BigEndianView {
 public:
  explicit BigEndianView(std::string_view bytes) : bytes_(bytes) {}
  bool has(std::size_t offset, std::size_t length) const {
    return offset <= bytes_.size() && length <= bytes_.size() - offset;
  }
  std::uint16_t u16(std::size_t offset) const {
    if (!has(offset, 2)) return 0;
    return static_cast<std::uint16_t>(byte(offset) << 8 | byte(offset + 1));
  }
  std::int16_t s16(std::size_t offset) const { return static_cast<std::int16_t>(u16(offset)); }
  std::uint32_t u32(std::size_t offset) const {
    return static_cast<std::uint32_t>(u16(offset)) << 16 | u16(offset + 2);
  }
  std::string_view bytes() const { return bytes_; }

 private:
  unsigned byte(std::size_t i) const { return static_cast<unsigned char>(bytes_[i]); }
  std::string_view bytes_;
};

// What a PDF FontDescriptor says about a face, in 1/1000 em.
struct FaceDescription {
  std::array<int, 4> bbox{};  // xMin yMin xMax yMax
  double italic_angle = 0;    // degrees, negative leans right
  int ascent = 0;
  int descent = 0;  // negative
  int cap_height = 0;
  int weight = 400;  // OS/2 usWeightClass
  bool fixed_pitch = false;
  bool serif = false;
  bool italic = false;
};

class TrueTypeFont {
 public:
  // Parses a whole TrueType file. Returns null and sets *error when a table
  // the subsetter needs is missing or inconsistent.
  // `file` is shared, not copied: the bytes FontFace read once per run.
  static std::unique_ptr<const TrueTypeFont> parse(std::shared_ptr<const std::string> file,
                                                   std::string* error);

  std::uint16_t glyph_count() const { return glyph_count_; }
  // The glyph the font's Unicode cmap gives `cp`, 0 (.notdef) when none.
  std::uint16_t glyph_of(char32_t cp) const;
  // The raw 'glyf' entry of `glyph` (empty for a blank glyph).
  std::string_view glyph_data(std::uint16_t glyph) const;
  std::uint16_t advance_units(std::uint16_t glyph) const;
  std::int16_t left_side_bearing(std::uint16_t glyph) const;
  // Font units to 1/1000 em, truncated toward zero as base::FontFace does,
  // so the two readers agree on every width.
  int per_mille(int units) const { return units * 1000 / units_per_em_; }

  // The table `tag` ("head", "OS/2", ...) as stored, empty when absent.
  std::string_view table(std::string_view tag) const;
  // 'name' with only the records a subset keeps (see truetype.cpp).
  const std::string& compact_name_table() const { return compact_name_; }
  // PostScript name (name id 6), reduced to characters a PDF name may hold.
  const std::string& postscript_name() const { return postscript_name_; }
  const FaceDescription& description() const { return description_; }

 private:
  struct TableRecord {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };
  TrueTypeFont() = default;
  bool read_directory(std::string* error);
  bool read_glyph_locations(std::string* error);
  bool select_cmap();
  void read_names();
  void read_description();
  std::uint16_t glyph_in_format4(char32_t cp) const;
  std::uint16_t glyph_in_format12(char32_t cp) const;

  std::shared_ptr<const std::string> file_;
  std::string_view data_;  // *file_
  std::vector<std::pair<std::array<char, 4>, TableRecord>> tables_;
  int units_per_em_ = 1000;
  std::uint16_t glyph_count_ = 0;
  std::uint16_t metric_count_ = 0;   // hhea numberOfHMetrics
  std::vector<std::uint32_t> loca_;  // glyph_count_ + 1 offsets into 'glyf'
  std::size_t glyf_offset_ = 0;
  std::size_t hmtx_offset_ = 0;
  std::size_t cmap_subtable_ = 0;  // absolute offset of the chosen subtable
  std::uint16_t cmap_format_ = 0;
  std::string compact_name_;
  std::string postscript_name_;
  FaceDescription description_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_TRUETYPE_H_
