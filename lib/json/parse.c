/* A strict RFC 8259 JSON parser that builds cJSON-compatible nodes in an
 * arena. Why not cJSON_Parse: it makes one malloc per node and per string,
 * so a roster of a million employees costs tens of millions of allocations,
 * gigabytes of heap, and as long again for glibc to consolidate the freed
 * nodes afterwards; an arena is one allocation per 64 MiB and is released at
 * once. The nodes are ordinary cJSON structs, read with cJSON's accessors;
 * they must never be passed to cJSON_Delete. */
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

#define SB_JSON_MAX_DEPTH 1000 /* as cJSON's CJSON_NESTING_LIMIT */

typedef struct jp {
  const char *s, *end;
  sb_arena *ar;
  int depth;
  const char *err_at;
  const char *err_msg;
  char dp; /* the C library's decimal point for strtod, '.' or ',' */
  bool nonfinite; /* a number overflowed to infinity */
  bool nul;       /* a string holds U+0000 */
  bool dup;       /* an object has a member name twice */
  /* Short strings already in the tree, by hash: member names and values
   * such as dates repeat thousands of times in a roster, and sharing one
   * copy saves a fifth of the tree. A cache: a new string takes the slot. */
  struct intern_slot *intern;
  /* Lean parsing: root members whose array values are left lazy. */
  const char *const *lazy;
  sb_json_lean *doc;
} jp;

struct intern_slot {
  char *s;
  size_t len;
};

#define SB_INTERN_SLOTS 8192 /* a power of two */
#define SB_INTERN_MAX 24     /* longer strings are rarely repeated */

static bool fail(jp *p, const char *at, const char *msg) {
  if (!p->err_at) {
    p->err_at = at;
    p->err_msg = msg;
  }
  return false;
}

static void skip_ws(jp *p) {
  while (p->s < p->end &&
         (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
    p->s++;
}

static cJSON *node(jp *p) {
  cJSON *n = sb_arena_alloc(p->ar, sizeof *n);
  if (!n) fail(p, p->s, "out of memory");
  return n;
}

static int hex4(const char *s) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

static size_t put_utf8(char *o, uint32_t cp) {
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xc0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xe0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
    o[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  o[0] = (char)(0xf0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
  o[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

/* At an opening quote. The decoded text is never longer than the source,
 * so the first pass only finds the end and whether anything is escaped.
 * A string with an escaped U+0000 sets *nul and keeps its length in front
 * of its text (sb_json_strlen), so that the reader can reject it with the
 * whole value in the message. */
static bool parse_string(jp *p, char **out, bool *nul, size_t *len_out) {
  *nul = false;
  const char *start = ++p->s;
  bool escaped = false;
  const char *c = start;
  for (;; c++) {
    if (c >= p->end) return fail(p, start - 1, "unterminated string");
    unsigned char ch = (unsigned char)*c;
    if (ch == '"') break;
    if (ch < 0x20) return fail(p, c, "a control character in a string");
    if (ch >= 0x80) { /* every tree holds valid UTF-8 only, posted results too */
      unsigned cp;
      size_t l = sb_utf8_decode((const unsigned char *)c, (size_t)(p->end - c), &cp);
      if (l == 0) return fail(p, c, "invalid UTF-8 in a string");
      c += l - 1;
      continue;
    }
    if (ch == '\\') {
      escaped = true;
      if (++c >= p->end) return fail(p, c, "unterminated string");
    }
  }
  size_t raw = (size_t)(c - start);
  struct intern_slot *slot = NULL;
  if (!escaped && raw <= SB_INTERN_MAX && p->intern) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < raw; i++) h = (h ^ (unsigned char)start[i]) * 16777619u;
    slot = &p->intern[h & (SB_INTERN_SLOTS - 1)];
    if (slot->s && slot->len == raw && memcmp(slot->s, start, raw) == 0) {
      *out = slot->s; /* the tree is read-only: sharing is safe */
      *len_out = raw;
      p->s = c + 1;
      return true;
    }
  }
  /* Room for a length in front, in case of a U+0000. */
  size_t pre = escaped ? sizeof(size_t) : 0;
  char *s = sb_arena_alloc(p->ar, pre + raw + 1);
  if (!s) return fail(p, start, "out of memory");
  s += pre;
  if (!escaped) {
    memcpy(s, start, raw);
    s[raw] = '\0';
    if (slot) *slot = (struct intern_slot){s, raw};
    *out = s;
    *len_out = raw;
    p->s = c + 1;
    return true;
  }
  char *o = s;
  for (const char *i = start; i < c; i++) {
    if (*i != '\\') {
      *o++ = *i;
      continue;
    }
    i++;
    switch (*i) {
      case '"': *o++ = '"'; break;
      case '\\': *o++ = '\\'; break;
      case '/': *o++ = '/'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case 'u': {
        int u = c - i >= 5 ? hex4(i + 1) : -1;
        if (u < 0) return fail(p, i - 1, "a bad \\u escape");
        i += 4;
        uint32_t cp = (uint32_t)u;
        if (cp >= 0xdc00 && cp <= 0xdfff)
          return fail(p, i - 5, "a lone low surrogate in a \\u escape");
        if (cp >= 0xd800 && cp <= 0xdbff) {
          int lo = c - i >= 7 && i[1] == '\\' && i[2] == 'u' ? hex4(i + 3) : -1;
          if (lo < 0xdc00 || lo > 0xdfff)
            return fail(p, i - 5, "a lone high surrogate in a \\u escape");
          cp = 0x10000 + ((cp - 0xd800) << 10) + ((uint32_t)lo - 0xdc00);
          i += 6;
        }
        if (cp == 0) *nul = true;
        o += put_utf8(o, cp);
        break;
      }
      default:
        return fail(p, i - 1, "an unknown escape in a string");
    }
  }
  *o = '\0';
  *len_out = (size_t)(o - s);
  if (*nul) {
    size_t len = (size_t)(o - s);
    memcpy(s - sizeof len, &len, sizeof len);
    p->nul = true;
  }
  *out = s;
  p->s = c + 1;
  return true;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool parse_number(jp *p, cJSON *n) {
  const char *start = p->s, *c = p->s;
  bool neg = false, integral = true;
  if (c < p->end && *c == '-') neg = true, c++;
  if (c >= p->end || *c < '0' || *c > '9') return fail(p, start, "a bad number");
  uint64_t mant = 0;
  int digits = 0;
  if (*c == '0') {
    c++;
  } else {
    while (c < p->end && *c >= '0' && *c <= '9') {
      if (digits < 18) mant = mant * 10 + (uint64_t)(*c - '0');
      digits++;
      c++;
    }
  }
  if (c < p->end && *c == '.') {
    integral = false;
    if (++c >= p->end || *c < '0' || *c > '9') return fail(p, start, "a bad number");
    while (c < p->end && *c >= '0' && *c <= '9') c++;
  }
  if (c < p->end && (*c == 'e' || *c == 'E')) {
    integral = false;
    c++;
    if (c < p->end && (*c == '+' || *c == '-')) c++;
    if (c >= p->end || *c < '0' || *c > '9') return fail(p, start, "a bad number");
    while (c < p->end && *c >= '0' && *c <= '9') c++;
  }
  double v;
  if (integral && digits <= 15) {
    v = (double)mant; /* exact: below 2^53 */
    if (neg) v = -v;
  } else {
    /* strtod follows the C library's locale: give it that decimal point. */
    size_t len = (size_t)(c - start);
    char small[64];
    char *buf = len < sizeof small ? small : sb_arena_alloc(p->ar, len + 1);
    if (!buf) return fail(p, start, "out of memory");
    memcpy(buf, start, len);
    buf[len] = '\0';
    char *dot = memchr(buf, '.', len);
    if (dot) *dot = p->dp;
    /* 1e999 becomes infinity here; the reader rejects it with its JSON
     * path (sb_json_check_finite). */
    v = strtod(buf, NULL);
    if (!isfinite(v)) p->nonfinite = true;
  }
  n->type = cJSON_Number;
  n->valuedouble = v;
  /* An integral value the double may not hold exactly (more than 15
   * digits, a fraction or an exponent) keeps its source text, so that a
   * reader needing the exact integer (the seed, SPEC section 1) has it. */
  if (!(integral && digits <= 15) && isfinite(v) && v == floor(v)) {
    size_t len = (size_t)(c - start);
    char *t = sb_arena_alloc(p->ar, len + 1);
    if (!t) return fail(p, start, "out of memory");
    memcpy(t, start, len);
    t[len] = '\0';
    n->valuestring = t;
  }
  n->valueint = v >= 2147483647.0 ? 2147483647 : v <= -2147483648.0 ? (-2147483647 - 1) : (int)v;
  p->s = c;
  return true;
}

static bool parse_value(jp *p, cJSON *n);

/* Member names seen in one object, to find one given twice: while the
 * object has few members, by walking them (no storage, so the recursion's
 * frames stay small); then in a hash set in the arena. */
#define SB_NAMES_LIST 8
typedef struct names {
  struct name { const char *s; size_t len; } *set;
  size_t count, cap; /* distinct names in set; its slots, a power of two */
} names;

static uint64_t name_hash(const char *s, size_t len) {
  uint64_t h = 14695981039346656037u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

static size_t key_len(const cJSON *it) {
  return sb_json_strlen(it->string, (it->type & SB_JSON_KEY_NUL) != 0);
}

/* Adds nm to a set with a free slot; false when it is there already. */
static bool set_put(struct name *set, size_t cap, struct name nm) {
  size_t k = name_hash(nm.s, nm.len) & (cap - 1);
  for (; set[k].s; k = (k + 1) & (cap - 1))
    if (set[k].len == nm.len && memcmp(set[k].s, nm.s, nm.len) == 0) return false;
  set[k] = nm;
  return true;
}

/* Adds a name to the object whose `before` members so far start at first
 * (repeated names among them included); false when it is there already
 * (or out of memory: *oom). */
static bool names_add(jp *p, names *ns, const cJSON *first, size_t before,
                      const char *s, size_t len, bool *oom) {
  if (!ns->set && before < SB_NAMES_LIST) {
    for (const cJSON *it = first; it && before; it = it->next, before--)
      if (key_len(it) == len && memcmp(it->string, s, len) == 0) return false;
    return true;
  }
  if (2 * (ns->count + 1) > ns->cap) { /* grow: at most half full */
    size_t cap = ns->cap ? 2 * ns->cap : 4 * SB_NAMES_LIST;
    struct name *set = sb_arena_array(p->ar, cap, sizeof *set);
    if (!set) {
      *oom = true;
      return false;
    }
    memset(set, 0, cap * sizeof *set);
    if (ns->set) {
      for (size_t i = 0; i < ns->cap; i++)
        if (ns->set[i].s) set_put(set, cap, ns->set[i]);
    } else { /* the first members: fewer than SB_NAMES_LIST + 1 */
      for (const cJSON *it = first; it && before; it = it->next, before--)
        ns->count += set_put(set, cap, (struct name){it->string, key_len(it)});
    }
    ns->set = set;
    ns->cap = cap;
  }
  if (!set_put(ns->set, ns->cap, (struct name){s, len})) return false;
  ns->count++;
  return true;
}

static bool lazy_member(jp *p, cJSON **item, size_t klen, bool *lazy);
static void jp_init(jp *p, sb_arena *ar, const char *s, const char *end, char dp);
static char decimal_point(void);

static bool parse_container(jp *p, cJSON *n, bool object) {
  const char *open = p->s++;
  if (++p->depth > SB_JSON_MAX_DEPTH) return fail(p, open, "nested too deeply");
  n->type = object ? cJSON_Object : cJSON_Array;
  char close = object ? '}' : ']';
  skip_ws(p);
  if (p->s < p->end && *p->s == close) {
    p->s++;
    p->depth--;
    n->type |= SB_JSON_COUNTED; /* valueint is 0 */
    return true;
  }
  cJSON *last = NULL;
  size_t count = 0;
  names ns = {NULL, 0, 0};
  for (;;) {
    cJSON *item = node(p);
    if (!item) return false;
    bool key_nul = false, key_dup = false;
    size_t klen = 0;
    skip_ws(p);
    if (object) {
      if (p->s >= p->end || *p->s != '"') return fail(p, p->s, "expected a member name");
      bool oom = false;
      if (!parse_string(p, &item->string, &key_nul, &klen)) return false;
      if (!names_add(p, &ns, n->child, count, item->string, klen, &oom)) {
        if (oom) return fail(p, p->s, "out of memory");
        key_dup = true;
        p->dup = true;
      }
      skip_ws(p);
      if (p->s >= p->end || *p->s != ':') return fail(p, p->s, "expected ':'");
      p->s++;
    }
    bool lazy = false;
    if (object && p->lazy && p->depth == 1 && !key_nul &&
        !lazy_member(p, &item, klen, &lazy))
      return false;
    if (!lazy && !parse_value(p, item)) return false;
    if (key_nul) item->type |= SB_JSON_KEY_NUL;
    if (key_dup) item->type |= SB_JSON_KEY_DUP;
    /* cJSON's links: next forward, prev backward, the first's prev is the
     * last item. */
    if (last) {
      last->next = item;
      item->prev = last;
    } else {
      n->child = item;
    }
    n->child->prev = item;
    last = item;
    count++;
    skip_ws(p);
    if (p->s < p->end && *p->s == ',') {
      p->s++;
      continue;
    }
    if (p->s < p->end && *p->s == close) {
      p->s++;
      p->depth--;
      if (count <= INT_MAX) {
        n->valueint = (int)count;
        n->type |= SB_JSON_COUNTED;
      }
      return true;
    }
    return fail(p, p->s, object ? "expected ',' or '}'" : "expected ',' or ']'");
  }
}

static bool literal(jp *p, const char *word, size_t n) {
  if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0)
    return fail(p, p->s, "an unknown literal");
  p->s += n;
  return true;
}

static bool parse_value(jp *p, cJSON *n) {
  skip_ws(p);
  if (p->s >= p->end) return fail(p, p->s, "unexpected end of input");
  switch (*p->s) {
    case '{': return parse_container(p, n, true);
    case '[': return parse_container(p, n, false);
    case '"': {
      bool nul;
      n->type = cJSON_String;
      size_t len;
      if (!parse_string(p, &n->valuestring, &nul, &len)) return false;
      if (nul) n->type |= SB_JSON_STR_NUL;
      return true;
    }
    case 't':
      n->type = cJSON_True;
      n->valueint = 1;
      return literal(p, "true", 4);
    case 'f':
      n->type = cJSON_False;
      return literal(p, "false", 5);
    case 'n':
      n->type = cJSON_NULL;
      return literal(p, "null", 4);
    default:
      if (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')) return parse_number(p, n);
      return fail(p, p->s, "unexpected character");
  }
}

/* A whole document from p->s to p->end, its root marked; NULL on failure. */
static cJSON *parse_doc(jp *p) {
  /* Worth its 64 KiB only on a document of some size. */
  if (p->end - p->s > (ptrdiff_t)1 << 16)
    p->intern = sb_arena_array(p->ar, SB_INTERN_SLOTS, sizeof *p->intern);
  cJSON *root = node(p);
  bool ok = root && parse_value(p, root);
  if (ok) {
    skip_ws(p);
    if (p->s < p->end) ok = fail(p, p->s, "text after the document");
  }
  if (!ok) return NULL;
  if (!p->nonfinite) root->type |= SB_JSON_FINITE;
  if (!p->nonfinite && !p->nul && !p->dup) root->type |= SB_JSON_CLEAN;
  return root;
}

const cJSON *sb_json_parse(sb_arena *ar, const char *text, size_t len,
                           size_t *err_offset, const char **err_msg) {
  jp p;
  jp_init(&p, ar, text, text + len, decimal_point());
  cJSON *root = parse_doc(&p);
  if (!root) {
    if (err_offset) *err_offset = (size_t)((p.err_at ? p.err_at : p.s) - text);
    if (err_msg) *err_msg = p.err_msg ? p.err_msg : "malformed JSON";
  }
  return root;
}

/* ------------------------------------------------------------ lean parsing */

struct sb_json_lazy {
  cJSON node; /* first: the tree links it as any member */
  sb_json_lean *doc;
  const char *open, *close; /* its '[' and ']' */
  size_t *offs;             /* where each element starts, from open */
  size_t n;
  size_t valid; /* elements 0 .. valid-1 were read and found clean */
  size_t cur;   /* the element in scratch, or SIZE_MAX */
  const cJSON *item;
  bool done; /* materialized */
  sb_arena scratch;
  sb_json_lazy *next_lazy;
};

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Finds where the elements of the array at p->s start and where it ends,
 * skipping strings and nested values without reading them; the elements
 * themselves are checked when read. */
static bool lazy_scan(jp *p, sb_json_lazy *lz) {
  const sb_alloc *a = p->ar->alloc;
  const char *s = p->s + 1, *e = p->end;
  size_t depth = 0, cap = 0;
  lz->open = p->s;
  while (s < e && is_ws(*s)) s++;
  if (s < e && *s == ']') {
    lz->close = s;
    p->s = s + 1;
    return true;
  }
  for (;;) {
    if (lz->n == cap) {
      size_t nc = cap ? 2 * cap : 1024;
      size_t *o = sb_mem_realloc(a, lz->offs, nc * sizeof *o);
      if (!o) return fail(p, s, "out of memory");
      lz->offs = o;
      cap = nc;
    }
    lz->offs[lz->n++] = (size_t)(s - lz->open);
    for (;;) {
      if (s >= e) return fail(p, lz->open, "unterminated array");
      char c = *s;
      if (c == '"') { /* to the next quote after an even run of backslashes */
        const char *q = s + 1;
        for (;;) {
          q = memchr(q, '"', (size_t)(e - q));
          if (!q) return fail(p, s, "unterminated string");
          const char *b = q;
          while (b > s + 1 && b[-1] == '\\') b--;
          if (((q - b) & 1) == 0) break;
          q++;
        }
        s = q + 1;
        continue;
      }
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) {
          if (c != ']') return fail(p, s, "expected ',' or ']'");
          lz->close = s;
          p->s = s + 1;
          return true;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        s++;
        while (s < e && is_ws(*s)) s++;
        break;
      }
      s++;
    }
  }
}

static bool lazy_member(jp *p, cJSON **item, size_t klen, bool *lazy) {
  const char *name = (*item)->string;
  bool want = strlen(name) == klen;
  if (want) {
    want = false;
    for (const char *const *l = p->lazy; *l; l++) want = want || strcmp(*l, name) == 0;
  }
  if (!want) return true;
  skip_ws(p);
  if (p->s >= p->end || *p->s != '[') return true;
  sb_json_lazy *lz = sb_arena_alloc(p->ar, sizeof *lz);
  if (!lz) return fail(p, p->s, "out of memory");
  lz->node.string = (*item)->string;
  lz->doc = p->doc;
  lz->cur = SIZE_MAX;
  sb_arena_init(&lz->scratch, p->ar->alloc);
  lz->next_lazy = p->doc->lazies;
  p->doc->lazies = lz;
  if (!lazy_scan(p, lz)) return false;
  if (lz->n > INT_MAX) return fail(p, lz->open, "too many elements");
  lz->node.type = cJSON_Array | SB_JSON_LAZY | SB_JSON_COUNTED;
  lz->node.valueint = (int)lz->n;
  *item = &lz->node;
  *lazy = true;
  return true;
}

static void jp_init(jp *p, sb_arena *ar, const char *s, const char *end, char dp) {
  memset(p, 0, sizeof *p);
  p->s = s;
  p->end = end;
  p->ar = ar;
  p->dp = dp;
}

static char decimal_point(void) {
  const char *dp = localeconv()->decimal_point;
  return dp && dp[0] && !dp[1] ? dp[0] : '.';
}

const cJSON *sb_json_parse_lean(sb_json_lean *doc, sb_arena *ar,
                                const char *text, size_t len,
                                const char *const *lazy) {
  memset(doc, 0, sizeof *doc);
  doc->text = text;
  doc->end = text + len;
  doc->ar = ar;
  doc->dp = decimal_point();
  jp p;
  jp_init(&p, ar, text, text + len, doc->dp);
  p.lazy = lazy;
  p.doc = doc;
  cJSON *root = parse_doc(&p);
  if (!root) doc->failed = true;
  return root;
}

/* Empties the scratch: its first chunk is kept for the next element. */
static void scratch_reset(sb_arena *a) {
  if (a->head && a->total == a->cap) {
    a->used = 0;
  } else {
    const sb_alloc *al = a->alloc;
    sb_arena_free(a);
    sb_arena_init(a, al);
  }
}

/* What a failed read returns: no JSON value (cJSON_Invalid), which every
 * reader rejects or takes for absent, so that loops keep their counts and
 * nothing is left half filled; the document is then read in full. */
static const cJSON failed_element;

const cJSON *sb_json_lazy_at(const cJSON *arr, size_t k) {
  sb_json_lazy *lz = (sb_json_lazy *)(uintptr_t)arr;
  sb_json_lean *doc = lz->doc;
  if (k >= lz->n) return NULL;
  if (doc->failed) return &failed_element;
  if (k == lz->cur) return lz->item;
  scratch_reset(&lz->scratch);
  lz->cur = SIZE_MAX;
  jp p;
  jp_init(&p, &lz->scratch, lz->open + lz->offs[k], doc->end, doc->dp);
  p.depth = 2; /* the root object and this array */
  cJSON *n = node(&p);
  bool ok = n && parse_value(&p, n);
  if (ok) { /* the separator the scan saw, and nothing else */
    skip_ws(&p);
    if (k + 1 < lz->n) {
      ok = p.s < p.end && *p.s == ',';
      if (ok) {
        p.s++;
        skip_ws(&p);
        ok = p.s == lz->open + lz->offs[k + 1];
      }
    } else {
      ok = p.s == lz->close;
    }
  }
  if (!ok || p.nonfinite || p.nul || p.dup) {
    doc->failed = true;
    return &failed_element;
  }
  if (k == lz->valid) lz->valid++;
  lz->cur = k;
  lz->item = n;
  return n;
}

bool sb_json_lean_materialize(sb_json_lean *doc, const char *name) {
  for (sb_json_lazy *lz = doc->lazies; lz; lz = lz->next_lazy) {
    if (lz->done || strcmp(lz->node.string, name) != 0) continue;
    jp p;
    jp_init(&p, doc->ar, lz->open, lz->close + 1, doc->dp);
    p.depth = 1;
    cJSON a;
    memset(&a, 0, sizeof a);
    if (!parse_value(&p, &a) || p.s != lz->close + 1 || p.nonfinite || p.nul || p.dup) {
      doc->failed = true;
      return false;
    }
    lz->node.type = a.type;
    lz->node.valueint = a.valueint;
    lz->node.child = a.child;
    lz->done = true;
    lz->valid = lz->n;
  }
  return !doc->failed;
}

bool sb_json_lean_finish(sb_json_lean *doc) {
  for (sb_json_lazy *lz = doc->lazies; lz && !doc->failed; lz = lz->next_lazy)
    if (!lz->done)
      for (size_t k = lz->valid; k < lz->n && !doc->failed; k++)
        sb_json_lazy_at(&lz->node, k);
  return !doc->failed;
}

void sb_json_lean_free(sb_json_lean *doc) {
  for (sb_json_lazy *lz = doc->lazies; lz; lz = lz->next_lazy) {
    sb_mem_free(lz->scratch.alloc, lz->offs);
    lz->offs = NULL;
    sb_arena_free(&lz->scratch);
  }
  doc->lazies = NULL;
}
