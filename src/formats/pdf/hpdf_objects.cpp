#include "formats/pdf/hpdf_objects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "formats/pdf/flate.h"

namespace vanban::pdf {

namespace {

// libharu writes /Filter only for the filters it applies itself (it would
// deflate our data a second time). For data we compressed, this hook, which
// HPDF_Dict_Write calls between the entries and ">>", adds the entry.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

void fill_stream(HPDF_Dict dict, std::string_view bytes, bool compress) {
  std::string compressed;
  if (compress) {
    compressed = flate_compress(bytes);
    bytes = compressed;
    dict->write_fn = write_flate_filter;
  }
  dict->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

HPDF_Dict new_indirect_dict(HPDF_Doc doc) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (dict && HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) return nullptr;  // freed by libharu
  return dict;
}

HPDF_Dict new_stream(HPDF_Doc doc, std::string_view bytes, bool compress) {
  HPDF_Dict dict = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (dict) fill_stream(dict, bytes, compress);
  return dict;
}

void set_page_content(HPDF_Page page, std::string_view bytes, bool compress) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->contents == nullptr || attr->contents->stream != attr->stream) return;
  fill_stream(attr->contents, bytes, compress);
}

void put(HPDF_Dict dict, const char* key, void* value) {
  if (dict && value) HPDF_Dict_Add(dict, key, value);
}

void put_name(HPDF_Dict dict, const char* key, const std::string& name) {
  if (dict) HPDF_Dict_AddName(dict, key, name.c_str());
}

void put_number(HPDF_Dict dict, const char* key, long value) {
  if (dict) HPDF_Dict_AddNumber(dict, key, static_cast<HPDF_INT32>(value));
}

HPDF_Array number_array(HPDF_Doc doc, const std::vector<int>& values) {
  HPDF_Array array = HPDF_Array_New(doc->mmgr);
  for (std::size_t i = 0; array && i < values.size(); ++i) HPDF_Array_AddNumber(array, values[i]);
  return array;
}

bool compresses(HPDF_Doc doc, unsigned what) { return (doc->compression_mode & what) != 0; }

}  // namespace vanban::pdf
