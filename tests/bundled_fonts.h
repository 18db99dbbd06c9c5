// The bundled Liberation Serif faces, loaded once per test program.
#ifndef VANBAN_TESTS_BUNDLED_FONTS_H_
#define VANBAN_TESTS_BUNDLED_FONTS_H_

#include <catch2/catch.hpp>

#include <memory>

#include "base/environment.h"
#include "base/font_face.h"

inline const vanban::FontSet& fonts() {
  static vanban::SystemEnvironment env;
  static vanban::Diagnostics diagnostics;
  static std::unique_ptr<vanban::FontSet> set =
      vanban::FontSet::load(env, VANBAN_SOURCE_DIR "/fonts", &diagnostics);
  REQUIRE(set);
  return *set;
}

#endif  // VANBAN_TESTS_BUNDLED_FONTS_H_
