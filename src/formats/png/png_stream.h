// pdftoppm without an output name writes every page's PNG to standard
// output, one after the other. A PNG is a signature and chunks, the last
// one IEND, so the stream splits at each IEND without any decoding.
#ifndef VANBAN_FORMATS_PNG_PNG_STREAM_H_
#define VANBAN_FORMATS_PNG_PNG_STREAM_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::png {

// The PNGs of `stream`, in order. False when it is not whole PNGs end to
// end (a chunk cut short, bytes after the last IEND that are no PNG).
bool split_png_stream(std::string_view stream, std::vector<std::string>* images);

}  // namespace vanban::png

#endif  // VANBAN_FORMATS_PNG_PNG_STREAM_H_
