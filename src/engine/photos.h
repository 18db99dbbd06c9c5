// Photos as they go into documents (input/photo.h: upright, sRGB, no
// sharper than --photo-ppi at their placed size, encoded afresh without
// the camera's metadata), made once per run for each photo and size: a
// photo is decoded once however many documents place it alike. Thread-safe.
#ifndef VANBAN_ENGINE_PHOTOS_H_
#define VANBAN_ENGINE_PHOTOS_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "base/diagnostic.h"
#include "input/session.h"

namespace vanban::engine {

// 200 pixels per inch: offset presses print photos at 150 lines per inch,
// and office printers show no more; a 16 cm wide photo needs 1260 pixels,
// a tenth of a 12 MP camera's.
constexpr int kDefaultPhotoPpi = 200;

// Under 72 pixels per inch at its placed size a photo shows its pixels as
// squares (a thumbnail saved from a chat, a web page's preview): a
// warning, made anyway.
constexpr double kLowestPhotoPpi = 72;

// Photos for a web page (the html, json and portal formats): at most 1200
// pixels wide, twice the column of a news portal on a high-density screen
// and what CMSs of provincial portals take; at most 2400 high, so that a
// phone's tall screenshot stays readable.
constexpr int kWebPhotoWidth = 1200;
constexpr int kWebPhotoHeight = 2400;

// The pixels per inch `info` gives over `width` points (1/72 inch), the
// smaller of across and down.
double placed_ppi(const input::ImageInfo& info, double width, double height);

class PhotoCache {
 public:
  // `ppi`: pixels per inch at the placed size; 0 keeps the photo's pixels.
  explicit PhotoCache(int ppi) : ppi_(ppi) {}

  // `photo` for a place `width` x `height` points. On failure returns false
  // and sets *error to a clause for the user.
  bool get(const input::Photo& photo, double width, double height,
           std::shared_ptr<const std::string>* data, input::ImageInfo* info, Message* error);

  // `photo` for a web page: within kWebPhotoWidth x kWebPhotoHeight, at
  // kWebJpegQuality, whatever --photo-ppi says.
  bool get_for_web(const input::Photo& photo, std::shared_ptr<const std::string>* data, input::ImageInfo* info,
                   Message* error);

 private:
  // `photo` within pixels_wide x pixels_high (0: its own size), made once.
  bool made(const input::Photo& photo, int pixels_wide, int pixels_high, int quality,
            std::shared_ptr<const std::string>* data, input::ImageInfo* info, Message* error);

  struct Entry {
    std::shared_ptr<const std::string> data;
    input::ImageInfo info;
    Message error;
  };
  using Key = std::tuple<std::string, std::string, int, int, int>;  // path, SHA-256, pixels wide, high, quality
  const int ppi_;
  std::mutex mutex_;
  std::map<Key, Entry> made_;
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_PHOTOS_H_
