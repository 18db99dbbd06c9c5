#include "formats/pdf/hpdf_objects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_conf.h>
#include <hpdf_pages.h>

#include <cstdio>
#include <utility>

#include "formats/pdf/flate.h"

namespace vanban::pdf {

namespace {

// libharu writes /Filter only for the filters it applies itself (it would
// deflate our data a second time). For data we compressed, this hook, which
// HPDF_Dict_Write calls between the entries and ">>", adds the entry.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// The stream's /Length, known before writing since we fill the stream
// ourselves. libharu would write it as an indirect object after the stream
// (its own way of learning the length): 40 bytes and an xref entry each, a
// fifth of a one-page notice's objects.
HPDF_Number length_of(HPDF_Dict dict) {
  return static_cast<HPDF_Number>(HPDF_Dict_GetItem(dict, "Length", HPDF_OCLASS_NUMBER));
}

HPDF_STATUS write_length(HPDF_Dict dict, HPDF_Stream stream) {
  char entry[32];
  std::snprintf(entry, sizeof entry, "/Length %u\012", static_cast<unsigned>(length_of(dict)->value));
  return HPDF_Stream_WriteStr(stream, entry);
}

HPDF_STATUS write_length_and_flate_filter(HPDF_Dict dict, HPDF_Stream stream) {
  const HPDF_STATUS status = write_length(dict, stream);
  return status != HPDF_OK ? status : write_flate_filter(dict, stream);
}

// HPDF_Dict_Write insists that a stream's Length be an indirect object; the
// flags make it look like one, and hidden, so only write_length writes it.
// Before the dictionary frees its entries they become direct again, which
// HPDF_Obj_Free frees (it leaves indirect objects to the xref).
constexpr HPDF_UINT32 kInlineLengthFlags = HPDF_OTYPE_INDIRECT | HPDF_OTYPE_HIDDEN;

void unflag_length(HPDF_Dict dict) {
  if (HPDF_Number length = length_of(dict)) length->header.obj_id &= ~kInlineLengthFlags;
}

// Writes `bytes` into the stream of `dict`, compressed first unless
// `deflate` is kNone or compressing would not pay for its "/Filter
// /FlateDecode" (a CIDSet of 15 bytes deflates to 26); returns how many
// bytes the stream holds.
std::size_t fill_stream(HPDF_Dict dict, std::string_view bytes, Deflate deflate) {
  constexpr std::size_t kFilterEntry = sizeof "/Filter /FlateDecode\n" - 1;
  std::string compressed;
  if (deflate != Deflate::kNone) compressed = flate_compress(bytes, deflate);
  if (deflate != Deflate::kNone && compressed.size() + kFilterEntry < bytes.size()) {
    bytes = compressed;
    dict->write_fn = write_flate_filter;
  }
  dict->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(bytes.size()));
  return bytes.size();
}

// put_raw_entries' text, kept in the dictionary's spare attr pointer and
// freed with the dictionary.
HPDF_STATUS write_raw_entries(HPDF_Dict dict, HPDF_Stream stream) {
  const auto* entries = static_cast<const std::string*>(dict->attr);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(entries->data()),
                           static_cast<HPDF_UINT>(entries->size()));
}

void free_raw_entries(HPDF_Dict dict) {
  delete static_cast<std::string*>(dict->attr);
  dict->attr = nullptr;
}

}  // namespace

HPDF_Dict new_indirect_dict(HPDF_Doc doc) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (dict && HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) return nullptr;  // freed by libharu
  return dict;
}

HPDF_Dict new_stream(HPDF_Doc doc, std::string_view bytes, Deflate deflate) {
  HPDF_Dict dict = new_indirect_dict(doc);
  if (dict == nullptr) return nullptr;
  dict->stream = HPDF_MemStream_New(doc->mmgr, HPDF_STREAM_BUF_SIZ);
  if (dict->stream == nullptr) return nullptr;
  // On failure HPDF_Dict_Add frees the number; the dictionary is the xref's.
  if (HPDF_Dict_Add(dict, "Length", HPDF_Number_New(doc->mmgr, 0)) != HPDF_OK) return nullptr;
  HPDF_Number length = length_of(dict);
  length->header.obj_id |= kInlineLengthFlags;
  dict->free_fn = unflag_length;
  length->value = static_cast<HPDF_INT32>(fill_stream(dict, bytes, deflate));
  dict->write_fn = dict->write_fn == write_flate_filter ? write_length_and_flate_filter : write_length;
  return dict;
}

void set_page_content(HPDF_Page page, std::string_view bytes, Deflate deflate) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr->contents == nullptr || attr->contents->stream != attr->stream) return;
  fill_stream(attr->contents, bytes, deflate);
}

bool put_raw_entries(HPDF_Dict dict, std::string entries) {
  if (dict == nullptr || dict->stream || dict->attr || dict->write_fn || dict->free_fn) return false;
  dict->attr = new std::string(std::move(entries));
  dict->write_fn = write_raw_entries;
  dict->free_fn = free_raw_entries;
  return true;
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
