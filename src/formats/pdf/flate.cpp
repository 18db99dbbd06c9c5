#include "formats/pdf/flate.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace vanban::pdf {

namespace {

// DEFLATE allows 3-byte matches; a 4-byte minimum lets one 32-bit read hash
// a position and loses almost nothing (a 3-byte match rarely beats three
// literals once its distance is paid for).
constexpr std::size_t kMinMatch = 4;
constexpr std::size_t kMaxMatch = 258;
constexpr std::size_t kWindow = 32768;
// Each hash bucket remembers this many recent positions, newest first.
// Every candidate is an unpredictable branch: on vanban's streams 4 ways
// gain 0.7% in size over 2 and cost 10% more time.
constexpr std::size_t kWays = 2;
// Tokens per block, so that Huffman codes follow a long stream's changes.
constexpr std::size_t kBlockTokens = 1 << 14;

constexpr int kLiteralCodes = 286;  // bytes 0-255, end of block 256, lengths 257-285
constexpr int kDistanceCodes = 30;
constexpr int kCodeLengthCodes = 19;
constexpr int kEndOfBlock = 256;
// The order in which a dynamic block header lists the code length codes.
constexpr int kCodeLengthOrder[kCodeLengthCodes] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                    11, 4,  12, 3, 13, 2, 14, 1, 15};

// A literal byte (length 0) or a copy of `length` bytes from `value` back.
struct Token {
  std::uint16_t length;
  std::uint16_t value;
};

// A DEFLATE symbol with the extra bits that follow its Huffman code.
struct Symbol {
  int code;
  int extra_bits;
  std::uint32_t extra;
};

// --- Symbols (RFC 1951, 3.2.5) ------------------------------------------------

constexpr int highest_bit(std::uint32_t x) {
  int top = 0;
  while (x >> (top + 1)) ++top;
  return top;
}

constexpr Symbol compute_length_symbol(std::uint32_t length) {  // 3..258
  if (length == 258) return {285, 0, 0};
  const std::uint32_t x = length - 3;
  if (x < 8) return {static_cast<int>(257 + x), 0, 0};
  const int top = highest_bit(x);  // 3..7
  const int extra_bits = top - 2;
  return {257 + 4 * (top - 1) + static_cast<int>((x >> extra_bits) & 3), extra_bits,
          x & ((1u << extra_bits) - 1)};
}

constexpr int compute_distance_code(std::uint32_t distance) {  // 1..32768
  const std::uint32_t x = distance - 1;
  if (x < 4) return static_cast<int>(x);
  const int top = highest_bit(x);  // 2..14
  return 2 * top + static_cast<int>((x >> (top - 1)) & 1);
}

// Both conversions sit on the hot path, so they are tables. A distance
// code depends only on the top bits: distances up to 256 directly, longer
// ones by (distance - 1) >> 7.
struct SymbolTables {
  std::array<Symbol, 259> length{};
  std::array<std::uint8_t, 512> distance_code{};
  std::array<std::uint32_t, kDistanceCodes> distance_base{};
  constexpr SymbolTables() {
    for (std::uint32_t l = 3; l <= 258; ++l) length[l] = compute_length_symbol(l);
    for (std::uint32_t d = 1; d <= 256; ++d)
      distance_code[d - 1] = static_cast<std::uint8_t>(compute_distance_code(d));
    for (std::uint32_t k = 2; k < 256; ++k) {
      distance_code[256 + k] = static_cast<std::uint8_t>(compute_distance_code((k << 7) + 1));
    }
    for (std::uint32_t d = 32768; d >= 1; --d) distance_base[compute_distance_code(d)] = d;
  }
};
constexpr SymbolTables kSymbols;

Symbol length_symbol(std::uint32_t length) { return kSymbols.length[length]; }

int distance_code(std::uint32_t distance) {
  const std::uint32_t x = distance - 1;
  return kSymbols.distance_code[x < 256 ? x : 256 + (x >> 7)];
}

Symbol distance_symbol(std::uint32_t distance) {
  const int code = distance_code(distance);
  return {code, code < 4 ? 0 : code / 2 - 1, distance - kSymbols.distance_base[code]};
}

// --- LZ77 ----------------------------------------------------------------------

// A run of tokens coded with one pair of Huffman codes, and the symbol
// counts those codes are built from.
struct Block {
  std::size_t first_token = 0, token_count = 0;
  std::size_t first_byte = 0, byte_count = 0;
  std::array<std::uint32_t, kLiteralCodes> literal_freq{};
  std::array<std::uint32_t, kDistanceCodes> distance_freq{};
};

std::uint32_t read32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

std::size_t match_length(const unsigned char* a, const unsigned char* b, std::size_t limit) {
  std::size_t n = 0;
  while (n + 8 <= limit) {
    std::uint64_t x, y;
    std::memcpy(&x, a + n, 8);
    std::memcpy(&y, b + n, 8);
    if (x != y) break;
    n += 8;
  }
  while (n < limit && a[n] == b[n]) ++n;
  return n;
}

// Greedy LZ77 into `tokens` (room for one per byte); returns the count.
// Candidates come from a hash table of small buckets holding the last
// kWays positions with that hash (as position + 1, 0 for empty, newest
// first), sized to the input so that a 300-byte stream does not pay for
// clearing a table meant for 32 KB. Plain locals in one loop: this is the
// hot path of the PDF stage.
std::size_t find_matches(std::string_view text, Token* tokens) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t count = 0, i = 0;
  if (n >= kMinMatch) {
    int bits = 6;
    while ((std::size_t{1} << bits) * kWays < std::min(n, kWindow) && bits < 13) ++bits;
    std::unique_ptr<std::uint32_t[]> table(new std::uint32_t[(std::size_t{1} << bits) * kWays]());
    const auto bucket_of = [&](std::size_t at) {
      return table.get() + ((read32(p + at) * 2654435761u) >> (32 - bits)) * kWays;
    };
    const auto insert = [](std::uint32_t* bucket, std::size_t at) {
      for (std::size_t w = kWays - 1; w > 0; --w) bucket[w] = bucket[w - 1];
      bucket[0] = static_cast<std::uint32_t>(at + 1);
    };
    const std::size_t last = n - kMinMatch;  // the last position with 4 bytes to hash
    while (i <= last) {
      std::uint32_t* bucket = bucket_of(i);
      const std::size_t limit = std::min(kMaxMatch, n - i);
      std::size_t best = 0, distance = 0;
      for (std::size_t w = 0; w < kWays && bucket[w] != 0; ++w) {
        const std::size_t candidate = bucket[w] - 1;
        if (i - candidate > kWindow) break;  // older slots are farther still
        if (p[candidate + best] != p[i + best]) continue;
        const std::size_t length = match_length(p + candidate, p + i, limit);
        if (length > best) {
          best = length, distance = i - candidate;
          if (length == limit) break;
        }
      }
      insert(bucket, i);
      if (best < kMinMatch) {
        tokens[count++] = {0, p[i++]};
        continue;
      }
      tokens[count++] = {static_cast<std::uint16_t>(best), static_cast<std::uint16_t>(distance)};
      const std::size_t end = i + best;
      for (++i; i < end && i <= last; ++i) insert(bucket_of(i), i);
      i = end;
    }
  }
  for (; i < n; ++i) tokens[count++] = {0, p[i]};
  return count;
}

// Cuts the tokens into blocks and counts each block's symbols.
std::vector<Block> make_blocks(const Token* tokens, std::size_t count) {
  std::vector<Block> blocks;
  std::size_t byte = 0;
  for (std::size_t first = 0; first < count || blocks.empty(); first += kBlockTokens) {
    Block b;
    b.first_token = first;
    b.token_count = std::min(kBlockTokens, count - first);
    b.first_byte = byte;
    for (const Token* t = tokens + first; t != tokens + first + b.token_count; ++t) {
      if (t->length == 0) {
        ++b.literal_freq[t->value];
        ++b.byte_count;
      } else {
        ++b.literal_freq[length_symbol(t->length).code];
        ++b.distance_freq[distance_code(t->value)];
        b.byte_count += t->length;
      }
    }
    byte += b.byte_count;
    blocks.push_back(b);
  }
  return blocks;
}

// --- Huffman codes --------------------------------------------------------------

// Huffman code lengths for `frequency`, none longer than `limit`: the
// two-queue method over leaves sorted by (frequency, symbol), so the result
// is deterministic. A tree too deep is rebuilt from flattened frequencies
// (rare; it terminates because equal frequencies give a balanced tree).
template <std::size_t N>
std::array<std::uint8_t, N> huffman_lengths(std::array<std::uint32_t, N> frequency, int limit) {
  std::array<std::uint8_t, N> lengths{};
  for (;;) {
    std::array<std::uint64_t, N> leaves;  // frequency << 16 | symbol, sortable
    std::size_t m = 0;
    for (std::size_t s = 0; s < N; ++s) {
      if (frequency[s] > 0) leaves[m++] = std::uint64_t{frequency[s]} << 16 | s;
    }
    if (m < 2) {
      for (std::size_t k = 0; k < m; ++k) lengths[leaves[k] & 0xFFFF] = 1;
      return lengths;
    }
    std::sort(leaves.begin(), leaves.begin() + m);
    std::array<std::uint64_t, 2 * N> weight;
    std::array<std::uint16_t, 2 * N> parent;
    for (std::size_t k = 0; k < m; ++k) weight[k] = leaves[k] >> 16;
    const std::size_t nodes = 2 * m - 1;
    std::size_t next_leaf = 0, next_inner = m;
    for (std::size_t created = m; created < nodes; ++created) {
      std::size_t pick[2];
      for (std::size_t& k : pick) {
        const bool leaf =
            next_leaf < m && (next_inner >= created || weight[next_leaf] <= weight[next_inner]);
        k = leaf ? next_leaf++ : next_inner++;
      }
      weight[created] = weight[pick[0]] + weight[pick[1]];
      parent[pick[0]] = parent[pick[1]] = static_cast<std::uint16_t>(created);
    }
    std::array<std::uint16_t, 2 * N> depth;  // up to m - 1 before limiting
    depth[nodes - 1] = 0;
    int deepest = 0;
    for (std::size_t k = nodes - 1; k-- > 0;) {
      depth[k] = static_cast<std::uint16_t>(depth[parent[k]] + 1);  // parents come after children
      if (k < m) deepest = std::max<int>(deepest, depth[k]);
    }
    if (deepest <= limit) {
      for (std::size_t k = 0; k < m; ++k)
        lengths[leaves[k] & 0xFFFF] = static_cast<std::uint8_t>(depth[k]);
      return lengths;
    }
    for (std::uint32_t& f : frequency) f = f == 0 ? 0 : (f + 1) / 2;
  }
}

// A code of one symbol (or none) is incomplete, which decoders reject in
// places; two codes of length 1 are complete. huffman_lengths gives a lone
// symbol length 1, so adding unused symbols of length 1 is enough.
template <std::size_t N>
void at_least_two_codes(std::array<std::uint8_t, N>* lengths) {
  auto used =
      std::count_if(lengths->begin(), lengths->end(), [](std::uint8_t l) { return l != 0; });
  for (std::size_t s = 0; used < 2 && s < N; ++s) {
    if ((*lengths)[s] == 0) (*lengths)[s] = 1, ++used;
  }
}

// The low `count` bits of `code` in reverse order.
std::uint16_t reverse_bits(std::uint16_t code, int count) {
  static constexpr auto kReversedBytes = [] {
    std::array<std::uint8_t, 256> table{};
    for (int b = 0; b < 256; ++b) {
      for (int k = 0; k < 8; ++k)
        table[b] = static_cast<std::uint8_t>(table[b] | ((b >> k & 1) << (7 - k)));
    }
    return table;
  }();
  const unsigned full =
      static_cast<unsigned>(kReversedBytes[code & 0xFF]) << 8 | kReversedBytes[code >> 8];
  return static_cast<std::uint16_t>(full >> (16 - count));
}

// Canonical codes (RFC 1951, 3.2.2), bit-reversed: DEFLATE sends a Huffman
// code from its most significant bit, into a stream packed from the least.
template <std::size_t N>
std::array<std::uint16_t, N> canonical_codes(const std::array<std::uint8_t, N>& lengths) {
  std::array<std::uint16_t, 16> count{}, next{};
  for (std::uint8_t l : lengths) ++count[l];
  count[0] = 0;
  for (int bits = 1, code = 0; bits < 16; ++bits) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = static_cast<std::uint16_t>(code);
  }
  std::array<std::uint16_t, N> codes{};
  for (std::size_t s = 0; s < N; ++s) {
    const int l = lengths[s];
    if (l == 0) continue;
    codes[s] = reverse_bits(next[l]++, l);
  }
  return codes;
}

// Literal/length and distance codes of one block.
struct Codes {
  std::array<std::uint8_t, 288> literal_lengths{};
  std::array<std::uint16_t, 288> literal{};
  std::array<std::uint8_t, kDistanceCodes> distance_lengths{};
  std::array<std::uint16_t, kDistanceCodes> distance{};
};

// The fixed codes of RFC 1951, 3.2.6; built once, then only read.
const Codes& fixed_codes() {
  static const Codes codes = [] {
    Codes c;
    for (int s = 0; s < 288; ++s)
      c.literal_lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    c.distance_lengths.fill(5);
    c.literal = canonical_codes(c.literal_lengths);
    c.distance = canonical_codes(c.distance_lengths);
    return c;
  }();
  return codes;
}

Codes dynamic_codes(const Block& block) {
  std::array<std::uint32_t, 288> literal_freq{};
  std::copy(block.literal_freq.begin(), block.literal_freq.end(), literal_freq.begin());
  literal_freq[kEndOfBlock] = 1;
  Codes c;
  c.literal_lengths = huffman_lengths(literal_freq, 15);
  c.distance_lengths = huffman_lengths(block.distance_freq, 15);
  at_least_two_codes(&c.literal_lengths);
  at_least_two_codes(&c.distance_lengths);
  c.literal = canonical_codes(c.literal_lengths);
  c.distance = canonical_codes(c.distance_lengths);
  return c;
}

// Bits the block's tokens take with codes `c` (without the header).
std::uint64_t body_bits(const Codes& c, const Block& block) {
  std::uint64_t bits = c.literal_lengths[kEndOfBlock];
  for (int s = 0; s < kLiteralCodes; ++s) {
    const int extra = s >= 265 && s < 285 ? (s - 261) / 4 : 0;
    bits += std::uint64_t{block.literal_freq[s]} * (c.literal_lengths[s] + extra);
  }
  for (int s = 0; s < kDistanceCodes; ++s) {
    const int extra = s >= 4 ? s / 2 - 1 : 0;
    bits += std::uint64_t{block.distance_freq[s]} * (c.distance_lengths[s] + extra);
  }
  return bits;
}

// The header of a dynamic block: the code lengths of both codes, run-length
// coded with 16 (repeat the previous 3-6 times), 17 (3-10 zeros) and 18
// (11-138 zeros), themselves Huffman coded.
struct DynamicHeader {
  int literal_count = 257, distance_count = 1, length_count = 4;
  std::vector<Symbol> lengths;
  std::array<std::uint8_t, kCodeLengthCodes> code_lengths{};
  std::array<std::uint16_t, kCodeLengthCodes> codes{};
  std::uint64_t bits = 0;
};

std::vector<Symbol> run_length_code(const std::vector<std::uint8_t>& lengths) {
  std::vector<Symbol> out;
  for (std::size_t i = 0; i < lengths.size();) {
    const std::uint8_t l = lengths[i];
    std::size_t run = 1;
    while (i + run < lengths.size() && lengths[i + run] == l) ++run;
    i += run;
    if (l == 0) {
      for (; run >= 11; run -= std::min<std::size_t>(run, 138)) {
        out.push_back({18, 7, static_cast<std::uint32_t>(std::min<std::size_t>(run, 138) - 11)});
      }
      if (run >= 3) out.push_back({17, 3, static_cast<std::uint32_t>(run - 3)}), run = 0;
    } else {
      out.push_back({l, 0, 0});
      for (--run; run >= 3; run -= std::min<std::size_t>(run, 6)) {
        out.push_back({16, 2, static_cast<std::uint32_t>(std::min<std::size_t>(run, 6) - 3)});
      }
    }
    for (; run > 0; --run) out.push_back({l, 0, 0});
  }
  return out;
}

DynamicHeader dynamic_header(const Codes& c) {
  DynamicHeader h;
  for (int s = 0; s < kLiteralCodes; ++s) {
    if (c.literal_lengths[s]) h.literal_count = std::max(h.literal_count, s + 1);
  }
  for (int s = 0; s < kDistanceCodes; ++s) {
    if (c.distance_lengths[s]) h.distance_count = std::max(h.distance_count, s + 1);
  }
  std::vector<std::uint8_t> all(c.literal_lengths.begin(),
                                c.literal_lengths.begin() + h.literal_count);
  all.insert(all.end(), c.distance_lengths.begin(), c.distance_lengths.begin() + h.distance_count);
  h.lengths = run_length_code(all);
  std::array<std::uint32_t, kCodeLengthCodes> freq{};
  for (const Symbol& s : h.lengths) ++freq[s.code];
  h.code_lengths = huffman_lengths(freq, 7);
  at_least_two_codes(&h.code_lengths);
  h.codes = canonical_codes(h.code_lengths);
  for (int k = 0; k < kCodeLengthCodes; ++k) {
    if (h.code_lengths[kCodeLengthOrder[k]]) h.length_count = std::max(h.length_count, k + 1);
  }
  h.bits = 5 + 5 + 4 + 3u * h.length_count;
  for (const Symbol& s : h.lengths) h.bits += h.code_lengths[s.code] + s.extra_bits;
  return h;
}

// --- Output -----------------------------------------------------------------------

// Packs bits least significant first into a buffer the caller sized for the
// worst case, 32 bits at a time. One put carries at most 28 bits (a 15-bit
// code and 13 extra bits).
class BitWriter {
 public:
  explicit BitWriter(unsigned char* out) : out_(out) {}
  void put(std::uint32_t value, int count) {
    buffer_ |= static_cast<std::uint64_t>(value) << used_;
    used_ += count;
    if (used_ >= 32) {
      for (int k = 0; k < 4; ++k) *out_++ = static_cast<unsigned char>(buffer_ >> (8 * k));
      buffer_ >>= 32;
      used_ -= 32;
    }
  }
  // Pads to a byte boundary and writes out every pending byte.
  void align() {
    for (used_ = (used_ + 7) & ~7; used_ > 0; used_ -= 8, buffer_ >>= 8) {
      *out_++ = static_cast<unsigned char>(buffer_);
    }
  }
  void bytes(std::string_view data) {  // only when aligned
    std::memcpy(out_, data.data(), data.size());
    out_ += data.size();
  }
  unsigned char* end() const { return out_; }

 private:
  unsigned char* out_;
  std::uint64_t buffer_ = 0;
  int used_ = 0;
};

void write_tokens(BitWriter* out, const Codes& c, const Token* tokens, std::size_t count) {
  for (const Token* t = tokens; t != tokens + count; ++t) {
    if (t->length == 0) {
      out->put(c.literal[t->value], c.literal_lengths[t->value]);
      continue;
    }
    // Each code goes out with its extra bits in one put.
    const Symbol length = length_symbol(t->length), distance = distance_symbol(t->value);
    const int length_bits = c.literal_lengths[length.code];
    out->put(c.literal[length.code] | length.extra << length_bits, length_bits + length.extra_bits);
    const int distance_bits = c.distance_lengths[distance.code];
    out->put(c.distance[distance.code] | distance.extra << distance_bits,
             distance_bits + distance.extra_bits);
  }
  out->put(c.literal[kEndOfBlock], c.literal_lengths[kEndOfBlock]);
}

void write_header(BitWriter* out, const DynamicHeader& h) {
  out->put(static_cast<std::uint32_t>(h.literal_count - 257), 5);
  out->put(static_cast<std::uint32_t>(h.distance_count - 1), 5);
  out->put(static_cast<std::uint32_t>(h.length_count - 4), 4);
  for (int k = 0; k < h.length_count; ++k) out->put(h.code_lengths[kCodeLengthOrder[k]], 3);
  for (const Symbol& s : h.lengths) {
    out->put(h.codes[s.code] | s.extra << h.code_lengths[s.code],
             h.code_lengths[s.code] + s.extra_bits);
  }
}

void write_stored(BitWriter* out, std::string_view raw, bool final) {
  do {
    const std::size_t size = std::min<std::size_t>(raw.size(), 65535);
    out->put(final && size == raw.size() ? 1 : 0, 1);
    out->put(0, 2);
    out->align();
    out->put(static_cast<std::uint32_t>(size) | static_cast<std::uint32_t>(~size & 0xFFFF) << 16,
             32);
    out->bytes(raw.substr(0, size));
    raw.remove_prefix(size);
  } while (!raw.empty());
}

// The block in the smallest of its three forms: dynamic codes, fixed codes
// or stored.
void write_block(BitWriter* out, const Token* all_tokens, const Block& block, std::string_view data,
                 bool final) {
  const Codes dynamic = dynamic_codes(block);
  const DynamicHeader header = dynamic_header(dynamic);
  const std::uint64_t dynamic_bits = 3 + header.bits + body_bits(dynamic, block);
  const std::uint64_t fixed_bits = 3 + body_bits(fixed_codes(), block);
  const std::uint64_t stored_bits = (block.byte_count / 65535 + 1) * 40 + 8 * block.byte_count;
  const Token* tokens = all_tokens + block.first_token;
  if (stored_bits < std::min(dynamic_bits, fixed_bits)) {
    write_stored(out, data.substr(block.first_byte, block.byte_count), final);
  } else if (fixed_bits <= dynamic_bits) {
    out->put(final ? 1 : 0, 1);
    out->put(1, 2);
    write_tokens(out, fixed_codes(), tokens, block.token_count);
  } else {
    out->put(final ? 1 : 0, 1);
    out->put(2, 2);
    write_header(out, header);
    write_tokens(out, dynamic, tokens, block.token_count);
  }
}

std::uint32_t adler32(std::string_view data) {
  std::uint32_t a = 1, b = 0;
  constexpr std::size_t kChunk = 5552;  // the longest run without 32-bit overflow
  for (std::size_t start = 0; start < data.size(); start += kChunk) {
    const std::size_t end = std::min(data.size(), start + kChunk);
    for (std::size_t i = start; i < end; ++i) {
      a += static_cast<unsigned char>(data[i]);
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return b << 16 | a;
}

}  // namespace

std::string flate_compress(std::string_view data) {
  std::unique_ptr<Token[]> tokens(new Token[data.size() + 1]);  // at most one per byte
  const std::size_t count = find_matches(data, tokens.get());
  const std::vector<Block> blocks = make_blocks(tokens.get(), count);
  // Every block is written in its smallest form, so never larger than
  // stored: at most 6 bytes per stored chunk of up to 64 KB (and a block
  // starts a chunk), plus the zlib header and checksum.
  std::string out(data.size() + 6 * (data.size() / 65535 + blocks.size()) + 16, '\0');
  auto* begin = reinterpret_cast<unsigned char*>(out.data());
  begin[0] = 0x78;  // deflate, 32 KB window
  begin[1] = 0x01;  // no dictionary, "fastest" level; makes the header a multiple of 31
  BitWriter bits(begin + 2);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    write_block(&bits, tokens.get(), blocks[b], data, b + 1 == blocks.size());
  }
  bits.align();
  const std::uint32_t check = adler32(data);
  bits.put(check >> 24 | (check >> 8 & 0xFF00) | (check << 8 & 0xFF0000) | check << 24, 32);
  out.resize(static_cast<std::size_t>(bits.end() - begin));
  return out;
}

}  // namespace vanban::pdf
