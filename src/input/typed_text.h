// Characters a typist does not see, as they arrive from Word and the web,
// turned into what she meant before the text is read.
#ifndef VANBAN_INPUT_TYPED_TEXT_H_
#define VANBAN_INPUT_TYPED_TEXT_H_

#include <string>
#include <string_view>

namespace vanban::input {

// - Soft hyphens (U+00AD, Word's optional hyphen) are removed: vanban
//   breaks lines itself and never splits a Vietnamese syllable, so the
//   hyphen would only ever print as a visible "viễn-thông".
// - Zero-width spaces, joiners and non-joiners, the word joiner and BOMs
//   (U+200B..U+200D, U+2060, U+FEFF) are removed: Vietnamese words are
//   separated by spaces, and these mean nothing in Latin script.
// - A no-break space (U+00A0, or the narrow U+202F) between two visible
//   characters stays a no-break space: the typist put it there to keep
//   "15 %" or "Điều 5" on one line. Next to other white space, or in a run,
//   it was spacing pasted from a web page, and becomes an ordinary space.
// - Other Unicode spaces (U+2000..U+200A, U+3000, U+205F) are ordinary
//   spaces.
std::string as_typist_means(std::string_view text);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_TYPED_TEXT_H_
