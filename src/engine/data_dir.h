// Where the bundled templates/ and fonts/ are. Never a path compiled into
// the binary: an installed vanban and a copied build folder both find them
// from where the program itself is.
#ifndef VANBAN_ENGINE_DATA_DIR_H_
#define VANBAN_ENGINE_DATA_DIR_H_

#include <string>

#include "base/environment.h"

namespace vanban::engine {

// The first folder holding templates/ of:
//   $VANBAN_DATA_DIR;
//   <program's folder>/../share/vanban  (installed: /usr/bin -> /usr/share/vanban);
//   <program's folder>/share/vanban     (a build folder: CMake links it to the sources).
// Empty when none does; *searched then lists where it looked.
std::string find_data_dir(Environment& env, std::string* searched);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_DATA_DIR_H_
