#include "base/zip.h"

#include <zip.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "base/dynamic_library.h"

namespace vanban {

namespace {

// libzip's functions, from the library opened on the first ZIP
// (base/dynamic_library.h): linked, it and the libcrypto it brings were
// 130 of the page faults and 17,000 of the relocations of every run,
// though only DOCX and the web app's download use it.
struct ZipLibrary {
  decltype(&zip_source_buffer_create) source_buffer_create = nullptr;
  decltype(&zip_source_buffer) source_buffer = nullptr;
  decltype(&zip_source_keep) source_keep = nullptr;
  decltype(&zip_source_free) source_free = nullptr;
  decltype(&zip_source_open) source_open = nullptr;
  decltype(&zip_source_seek) source_seek = nullptr;
  decltype(&zip_source_tell) source_tell = nullptr;
  decltype(&zip_source_read) source_read = nullptr;
  decltype(&zip_source_close) source_close = nullptr;
  decltype(&zip_open_from_source) open_from_source = nullptr;
  decltype(&zip_file_add) file_add = nullptr;
  decltype(&zip_file_set_dostime) file_set_dostime = nullptr;
  decltype(&zip_close) close = nullptr;
  decltype(&zip_discard) discard = nullptr;
  decltype(&zip_strerror) strerror = nullptr;
  decltype(&zip_error_init) error_init = nullptr;
  decltype(&zip_error_fini) error_fini = nullptr;
  decltype(&zip_error_strerror) error_strerror = nullptr;

  // Empty when every function was found.
  std::string error;

  ZipLibrary() {
    DynamicLibrary library(VANBAN_LIBZIP_SONAME);
    library.bind(&source_buffer_create, "zip_source_buffer_create");
    library.bind(&source_buffer, "zip_source_buffer");
    library.bind(&source_keep, "zip_source_keep");
    library.bind(&source_free, "zip_source_free");
    library.bind(&source_open, "zip_source_open");
    library.bind(&source_seek, "zip_source_seek");
    library.bind(&source_tell, "zip_source_tell");
    library.bind(&source_read, "zip_source_read");
    library.bind(&source_close, "zip_source_close");
    library.bind(&open_from_source, "zip_open_from_source");
    library.bind(&file_add, "zip_file_add");
    library.bind(&file_set_dostime, "zip_file_set_dostime");
    library.bind(&close, "zip_close");
    library.bind(&discard, "zip_discard");
    library.bind(&strerror, "zip_strerror");
    library.bind(&error_init, "zip_error_init");
    library.bind(&error_fini, "zip_error_fini");
    library.bind(&error_strerror, "zip_error_strerror");
    error = library.error();
  }
};

// Opened once per process, on first use (thread-safe).
const ZipLibrary& zip_library() {
  static const ZipLibrary library;
  return library;
}

struct SourceFree {
  const ZipLibrary* lib;
  void operator()(zip_source_t* s) const { lib->source_free(s); }
};
struct ArchiveDiscard {
  const ZipLibrary* lib;
  void operator()(zip_t* z) const { lib->discard(z); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;

// Frees a zip_error_t however the function leaves.
struct ErrorGuard {
  const ZipLibrary& lib;
  zip_error_t error;
  explicit ErrorGuard(const ZipLibrary& l) : lib(l) { lib.error_init(&error); }
  ~ErrorGuard() { lib.error_fini(&error); }
};

// An entry's date in the archive's own (MS-DOS) form, from the UTC
// calendar: zip_file_set_mtime would go through the local time zone, and
// the same document would then give other bytes on another machine.
bool set_dos_time(const ZipLibrary& lib, zip_t* archive, zip_uint64_t index, std::int64_t seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  if (!gmtime_r(&t, &utc)) return false;
  const int year = std::clamp(utc.tm_year + 1900, 1980, 2107);
  const auto dos_date = static_cast<zip_uint16_t>(((year - 1980) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  const auto dos_time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  return lib.file_set_dostime(archive, index, dos_time, dos_date, 0) == 0;
}

}  // namespace

bool make_zip(const std::vector<std::pair<std::string, std::string>>& files, std::string* zip,
              Message* error, std::optional<std::int64_t> mtime) {
  const ZipLibrary& lib = zip_library();
  if (!lib.error.empty()) {
    *error = msg("the ZIP library cannot be loaded ({1}): install the package libzip4", lib.error);
    return false;
  }
  auto fail = [error](const char* why) {
    *error = msg("libzip: {1}", why);
    return false;
  };
  ErrorGuard e(lib);
  // The archive is written into this in-memory source; the extra reference
  // (zip_source_keep) keeps it alive after zip_close so it can be read back.
  Source buffer(lib.source_buffer_create(nullptr, 0, 0, &e.error), SourceFree{&lib});
  if (!buffer) return fail(lib.error_strerror(&e.error));
  lib.source_keep(buffer.get());
  Archive archive(lib.open_from_source(buffer.get(), ZIP_TRUNCATE, &e.error), ArchiveDiscard{&lib});
  if (!archive) {
    lib.source_free(buffer.get());  // the reference zip_open_from_source did not take
    return fail(lib.error_strerror(&e.error));
  }
  for (const auto& [name, bytes] : files) {
    // `bytes` outlive zip_close below, so libzip may read them in place.
    Source file(lib.source_buffer(archive.get(), bytes.data(), bytes.size(), 0), SourceFree{&lib});
    const zip_int64_t index =
        file ? lib.file_add(archive.get(), name.c_str(), file.get(), ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) return fail(lib.strerror(archive.get()));
    file.release();  // the archive owns it now
    if (mtime && !set_dos_time(lib, archive.get(), static_cast<zip_uint64_t>(index), *mtime)) {
      return fail(lib.strerror(archive.get()));
    }
  }
  if (lib.close(archive.get()) < 0) return fail(lib.strerror(archive.get()));
  archive.release();  // zip_close freed it
  if (lib.source_open(buffer.get()) < 0) return fail("cannot read the archive back");
  lib.source_seek(buffer.get(), 0, SEEK_END);
  const zip_int64_t size = lib.source_tell(buffer.get());
  lib.source_seek(buffer.get(), 0, SEEK_SET);
  zip->assign(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  const zip_int64_t got = size > 0 ? lib.source_read(buffer.get(), zip->data(), zip->size()) : 0;
  lib.source_close(buffer.get());
  if (got != size) return fail("cannot read the archive back");
  return true;
}

}  // namespace vanban
