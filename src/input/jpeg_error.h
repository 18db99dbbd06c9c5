// libjpeg reports a fatal error by calling error_exit, which must not
// return. vanban's error manager longjmps back to the setjmp in the caller
// with libjpeg's message kept, so that a damaged file is an error value,
// never an exit() of the whole process. Callers set the jump point and
// create no C++ object with a destructor between it and libjpeg's calls.
#ifndef VANBAN_INPUT_JPEG_ERROR_H_
#define VANBAN_INPUT_JPEG_ERROR_H_

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace vanban::input {

struct JpegErrorManager {
  jpeg_error_mgr base;  // first: libjpeg sees a jpeg_error_mgr*
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

// Installs the manager on `common` (a compress or decompress struct).
jpeg_error_mgr* jpeg_error_manager(JpegErrorManager* manager);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_JPEG_ERROR_H_
