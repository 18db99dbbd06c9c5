// A shared library opened with dlopen() on first use instead of linked:
// a library only some runs need (libzip for DOCX, libtiff for scanned
// photos, libheif for iPhone photos) then costs the others nothing at
// start, neither its relocations nor its dependencies' (libzip brings
// OpenSSL's libcrypto, 17,000 relocations; libtiff five codecs).
//
// The name opened is the SONAME of the library the build compiled
// against, which CMake reads from it (vanban_soname in CMakeLists.txt)
// and passes as a definition: headers and library cannot disagree.
#ifndef VANBAN_BASE_DYNAMIC_LIBRARY_H_
#define VANBAN_BASE_DYNAMIC_LIBRARY_H_

#include <string>

namespace vanban {

class DynamicLibrary {
 public:
  // Opens `soname` ("libzip.so.4"). Never closed: a library's threads and
  // tables stay for the process, as they would had it been linked.
  explicit DynamicLibrary(const char* soname);
  DynamicLibrary(const DynamicLibrary&) = delete;
  DynamicLibrary& operator=(const DynamicLibrary&) = delete;

  // Points *function at the library's `name`; when the library is missing
  // or lacks it, *function is null and error() says so.
  template <typename Function>
  void bind(Function** function, const char* name) {
    *function = reinterpret_cast<Function*>(symbol(name));
  }

  // Empty when the library opened and had every function bound so far;
  // otherwise the loader's reason ("libzip.so.4: cannot open shared
  // object file: No such file or directory") or the missing function.
  const std::string& error() const { return error_; }

 private:
  void* symbol(const char* name);

  std::string soname_;
  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace vanban

#endif  // VANBAN_BASE_DYNAMIC_LIBRARY_H_
