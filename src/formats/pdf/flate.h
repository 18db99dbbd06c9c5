// FlateDecode data (a zlib stream, RFC 1950 around RFC 1951 DEFLATE) for
// the streams the PDF stage writes itself: fonts, ToUnicode maps and page
// contents, compressed with libdeflate.
//
// Why not libharu's compression: it runs zlib at level 6 with a fresh
// deflateInit (and its 64 KB hash clearing) for every stream, which made
// deflate two thirds of the PDF stage's time for a dozen small streams per
// document. libdeflate compresses whole buffers, keeps its compressor
// between calls, and is faster than zlib at the same ratio, so the project
// needs no DEFLATE code of its own.
#ifndef VANBAN_FORMATS_PDF_FLATE_H_
#define VANBAN_FORMATS_PDF_FLATE_H_

#include <string>
#include <string_view>

namespace vanban::pdf {

// How hard to compress. kSmall is for a one-page document, whose size
// issue 13 bounds (30 KB for a notice): libdeflate's level 6, 1.5% fewer
// bytes in all and 500 fewer in the largest one-page notices, for 8.7% more
// instructions of a run were every document compressed so; kFast (level 1)
// for the rest.
enum class Deflate { kNone, kFast, kSmall };

// `data` as a complete zlib stream, for a stream with /Filter /FlateDecode.
// Deterministic: the same input always gives the same bytes (for one
// libdeflate version). Safe from any thread; throws std::bad_alloc when out
// of memory. `how` is kFast or kSmall.
std::string flate_compress(std::string_view data, Deflate how = Deflate::kFast);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_FLATE_H_
