#include "base/dynamic_library.h"

#include <dlfcn.h>

namespace vanban {

DynamicLibrary::DynamicLibrary(const char* soname) : soname_(soname) {
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    const char* why = dlerror();
    error_ = why ? why : soname_ + ": cannot be opened";
  }
}

void* DynamicLibrary::symbol(const char* name) {
  if (!handle_) return nullptr;
  void* found = dlsym(handle_, name);
  if (!found && error_.empty()) error_ = soname_ + ": no function " + name;
  return found;
}

}  // namespace vanban
