#include "base/zip.h"

#include <zip.h>

#include <algorithm>
#include <ctime>
#include <memory>

namespace vanban {

namespace {

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct ArchiveDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Source = std::unique_ptr<zip_source_t, SourceFree>;
using Archive = std::unique_ptr<zip_t, ArchiveDiscard>;

// Frees a zip_error_t however the function leaves.
struct ErrorGuard {
  zip_error_t error;
  ErrorGuard() { zip_error_init(&error); }
  ~ErrorGuard() { zip_error_fini(&error); }
};

// An entry's date in the archive's own (MS-DOS) form, from the UTC
// calendar: zip_file_set_mtime would go through the local time zone, and
// the same document would then give other bytes on another machine.
bool set_dos_time(zip_t* archive, zip_uint64_t index, std::int64_t seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  if (!gmtime_r(&t, &utc)) return false;
  const int year = std::clamp(utc.tm_year + 1900, 1980, 2107);
  const auto dos_date = static_cast<zip_uint16_t>(((year - 1980) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday);
  const auto dos_time = static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2));
  return zip_file_set_dostime(archive, index, dos_time, dos_date, 0) == 0;
}

}  // namespace

bool make_zip(const std::vector<std::pair<std::string, std::string>>& files, std::string* zip,
              std::string* error, std::optional<std::int64_t> mtime) {
  ErrorGuard e;
  // The archive is written into this in-memory source; the extra reference
  // (zip_source_keep) keeps it alive after zip_close so it can be read back.
  Source buffer(zip_source_buffer_create(nullptr, 0, 0, &e.error));
  if (!buffer) {
    *error = zip_error_strerror(&e.error);
    return false;
  }
  zip_source_keep(buffer.get());
  Archive archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &e.error));
  if (!archive) {
    zip_source_free(buffer.get());  // the reference zip_open_from_source did not take
    *error = zip_error_strerror(&e.error);
    return false;
  }
  for (const auto& [name, bytes] : files) {
    // `bytes` outlive zip_close below, so libzip may read them in place.
    Source file(zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0));
    const zip_int64_t index =
        file ? zip_file_add(archive.get(), name.c_str(), file.get(), ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      *error = zip_strerror(archive.get());
      return false;
    }
    file.release();  // the archive owns it now
    if (mtime && !set_dos_time(archive.get(), static_cast<zip_uint64_t>(index), *mtime)) {
      *error = zip_strerror(archive.get());
      return false;
    }
  }
  if (zip_close(archive.get()) < 0) {
    *error = zip_strerror(archive.get());
    return false;
  }
  archive.release();  // zip_close freed it
  if (zip_source_open(buffer.get()) < 0) {
    *error = "cannot read the archive back";
    return false;
  }
  zip_source_seek(buffer.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer.get());
  zip_source_seek(buffer.get(), 0, SEEK_SET);
  zip->assign(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  const zip_int64_t got = size > 0 ? zip_source_read(buffer.get(), zip->data(), zip->size()) : 0;
  zip_source_close(buffer.get());
  if (got != size) {
    *error = "cannot read the archive back";
    return false;
  }
  return true;
}

}  // namespace vanban
