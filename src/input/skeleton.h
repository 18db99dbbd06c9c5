// `vanban init`: a session file to fill in.
#ifndef VANBAN_INPUT_SKELETON_H_
#define VANBAN_INPUT_SKELETON_H_

#include <string>

namespace vanban::input {

// Every element and attribute of the contract, with example values that
// `vanban check` accepts and a comment in Vietnamese on each saying what
// to write there.
std::string session_skeleton();

}  // namespace vanban::input

#endif  // VANBAN_INPUT_SKELETON_H_
