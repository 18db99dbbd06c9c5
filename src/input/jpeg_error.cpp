#include "input/jpeg_error.h"

namespace vanban::input {

namespace {

[[noreturn]] void error_exit(j_common_ptr cinfo) {
  auto* manager = reinterpret_cast<JpegErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, manager->message);
  std::longjmp(manager->jump, 1);
}

// Warnings (a few bytes of junk before a marker, a truncated scan that
// libjpeg pads) go nowhere: libjpeg would print them to stderr.
void output_message(j_common_ptr) {}

}  // namespace

jpeg_error_mgr* jpeg_error_manager(JpegErrorManager* manager) {
  jpeg_std_error(&manager->base);
  manager->base.error_exit = error_exit;
  manager->base.output_message = output_message;
  manager->message[0] = '\0';
  return &manager->base;
}

}  // namespace vanban::input
