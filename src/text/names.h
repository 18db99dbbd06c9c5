// Names as written. A person's name is spelt as on their identity card, an
// agency's as on its seal, a place's as the state writes it: the tone
// style ("hoá" / "hóa") must not touch them. NameSpellings applies the
// tone style to text except where it meets a name the session's data
// gives, which it writes exactly as the data spells it, even where the
// free text wrote it in the other style ("Chiêm Hóa" in a paragraph,
// "Chiêm Hoá" in the data), so that one name reads one way throughout.
#ifndef VANBAN_TEXT_NAMES_H_
#define VANBAN_TEXT_NAMES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/tone.h"

namespace vanban::text {

// Whether two names are the same name, whatever their tone style
// ("Nguyễn Thị Thủy" and "Nguyễn Thị Thuỷ"). Both NFC.
bool same_name(std::string_view a, std::string_view b);

// "Chiêm Hóa" of "huyện Chiêm Hóa", "Điện Biên Phủ" of "thành phố Điện
// Biên Phủ": a place's proper name without its administrative level;
// the input itself when it has none.
std::string proper_place_name(std::string_view unit);

class NameSpellings {
 public:
  NameSpellings() = default;
  // `names`: NFC. A name of one syllable, or one that does not start with
  // a capital letter, is ignored: alone it could be a common word.
  // `people` are the persons' names among them, which a line must not
  // break inside.
  explicit NameSpellings(const std::vector<std::string>& names,
                         const std::vector<std::string>& people = {});

  // `s` (NFC) in `style`, every known name in its data spelling (in upper
  // case where the text has it in upper case: "UBND HUYỆN CHIÊM HOÁ").
  // When `found` is given, it receives where the names are in the result.
  struct Found {
    std::size_t begin = 0, end = 0;  // bytes
    std::size_t words = 0;
    bool person = false;
  };
  std::string apply(std::string_view s, ToneStyle style, std::vector<Found>* found = nullptr) const;

  bool empty() const { return names_.empty(); }

 private:
  struct Name {
    std::vector<std::string> words;        // as the data spells them
    std::vector<std::string> upper_words;  // the same in upper case
    // Every way the text may write each word: as the data does, in either
    // tone style, and each of those in upper case. Matching is then a
    // lookup, with no case mapping per word of the text.
    std::vector<std::vector<std::string>> forms;
    std::vector<std::vector<std::string>> upper_forms;  // those in upper case
    bool person = false;
  };
  std::vector<Name> names_;  // longest first
  // Each form of a name's first word -> the names starting with it.
  std::unordered_map<std::string, std::vector<const Name*>> by_first_form_;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NAMES_H_
