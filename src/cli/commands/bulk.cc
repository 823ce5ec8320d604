// export and import: a range as JSON lines, and such lines (or etcdctl's `get -w json`)
// written back in transactions.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/bulk_requests.h"
#include "cli/commands/paging.h"
#include "cli/context.h"
#include "cli/flags.h"
#include "cli/signal_canceller.h"
#include "client/async_txn.h"
#include "client/client.h"
#include "client/range_reader.h"
#include "client/rpc_error.h"
#include "common/bytes.h"
#include "common/errno_text.h"
#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "offline/file_util.h"
#include "output/kv_object.h"
#include "output/progress.h"

namespace ectl::cli {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// ---- export ----

struct ExportFlags {
  bool prefix = false;
  bool from_key = false;
  int64_t rev = 0;
  std::string output;
};

void BindExport(FlagSet& f, ExportFlags* o) {
  f.Bool(&o->prefix, "prefix", "Export the keys with the given prefix");
  f.Bool(&o->from_key, "from-key", "Export the keys from the given key on");
  f.Int(&o->rev, "rev", "Revision to export (default: the current one)");
  f.String(&o->output, "output", "Write to this file (atomically) instead of stdout", 'o');
}

// Where export's lines go: stdout, or a temporary file beside the target that becomes
// the target by rename once complete and synced (removed otherwise).
class ExportSink {
 public:
  ExportSink(std::ostream& out, const std::string& path) : out_(out), path_(path) {
    if (path_.empty()) return;
    temp_ = offline::DirName(path_) + "/." + offline::BaseName(path_) + ".tmp-" +
            std::to_string(getpid());
    int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      std::string reason = ErrnoText(errno);
      temp_.clear();
      throw Error(ExitCode::kIO, "open " + path_ + ": " + reason);
    }
    fd_.emplace(fd);
  }
  ~ExportSink() {
    if (!temp_.empty()) offline::RemoveAll(temp_);
  }
  ExportSink(const ExportSink&) = delete;
  ExportSink& operator=(const ExportSink&) = delete;

  std::string& buffer() { return buf_; }
  void MaybeFlush() {
    if (buf_.size() >= (1 << 16)) Flush();
  }
  void Flush() {
    if (fd_) {
      offline::WriteAll(fd_->get(), buf_, temp_);
    } else {
      out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
      if (!out_) throw Error(ExitCode::kIO, "write to standard output failed");
    }
    buf_.clear();
  }
  void Commit() {
    Flush();
    if (!fd_) {
      out_.flush();
      return;
    }
    fd_->SyncAndClose(temp_);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      throw Error(ExitCode::kIO, "rename " + temp_ + " " + path_ + ": " + ErrnoText(errno));
    }
    temp_.clear();
    offline::SyncDir(offline::DirName(path_));
  }

 private:
  std::ostream& out_;
  std::string path_;
  std::string temp_;
  std::optional<offline::Fd> fd_;
  std::string buf_;
};

class ExportVisitor final : public client::RangeVisitor {
 public:
  ExportVisitor(ExportSink& sink, const offline::StopRequested& stop,
                output::Progress& progress)
      : sink_(sink), stop_(stop), progress_(progress) {}
  void OnBegin(const etcdserverpb::ResponseHeader*) override {}
  void OnKeyValue(const mvccpb::KeyValue& kv) override {
    offline::CheckStop(stop_);
    output::AppendKeyValueLine(sink_.buffer(), kv);
    ++keys_;
    bytes_ += kv.key().size() + kv.value().size();
    sink_.MaybeFlush();
    progress_.Add(1);
  }
  void OnEnd(bool, int64_t) override {}
  int64_t keys_ = 0;
  int64_t bytes_ = 0;

 private:
  ExportSink& sink_;
  const offline::StopRequested& stop_;
  output::Progress& progress_;
};

void RunExport(Context& ctx, const ExportFlags& f) {
  if (ctx.args().size() > 2) throw Error(ExitCode::kBadArgs, "too many arguments");
  etcdserverpb::RangeRequest request = BuildExportRange(ctx.args(), f.prefix, f.from_key, f.rev);
  // SIGINT/SIGTERM stop the export between two keys: the temporary file is removed (what
  // went to stdout ends with a whole line), then the process dies of the signal.
  RunStoppable([&](const offline::StopRequested& stop) {
    ExportSink sink(ctx.io().out, f.output);
    // Keys and rate on stderr, on a terminal only.
    output::Progress progress(ctx.io().err, ctx.io().err_is_terminal, "Exporting",
                              output::ProgressUnit::kItems, "keys");
    ExportVisitor visitor(sink, stop, progress);
    client::Client& c = ctx.client();
    client::RangePaged(c, request, c.command_timeout(), RangePageOptions(ctx.env()), visitor);
    sink.Commit();
    progress.Finish();
  });
}

// ---- import ----

struct ImportFlags {
  int64_t max_txn_ops = 128;
  int64_t max_request_bytes = 1536 * 1024;
  int64_t in_flight = 8;
  std::string prefix_from;
  std::string prefix_to;
  bool if_absent = false;
  bool dry_run = false;
  bool keep_going = false;
  bool with_leases = false;
};

void BindImport(FlagSet& f, ImportFlags* o) {
  f.Int(&o->max_txn_ops, "max-txn-ops", "Most keys in one transaction (the server's --max-txn-ops)");
  f.Int(&o->max_request_bytes, "max-request-bytes",
        "Largest transaction in bytes (the server's --max-request-bytes)");
  f.Int(&o->in_flight, "txns-in-flight", "Transactions sent before the first is answered");
  f.String(&o->prefix_from, "prefix-from", "Replace this prefix of every key (with --prefix-to)");
  f.String(&o->prefix_to, "prefix-to", "The prefix that replaces --prefix-from");
  f.Bool(&o->if_absent, "if-absent", "Write only keys that do not exist; count the others as skipped");
  f.Bool(&o->dry_run, "dry-run", "Read and check the input, write nothing");
  f.Bool(&o->keep_going, "keep-going", "Report bad input lines and go on with the next");
  f.Bool(&o->with_leases, "with-leases", "Attach each key to the lease ID given in the input");
}

bool TooLargeForServer(const std::string& error) {
  return error.find("too many operations in txn request") != std::string::npos ||
         error.find("request is too large") != std::string::npos ||
         error.find("trying to send message larger than max") != std::string::npos ||
         error.find("received message larger than max") != std::string::npos;
}

// Writes key-values in batches, several transactions in flight. A key is never in two
// unanswered transactions at once and a transaction never holds a key twice, so a key
// given twice ends with its last value.
class Importer {
 public:
  Importer(const ImportFlags& f, client::Client* client, std::ostream& err,
           output::Progress& progress)
      : f_(f), client_(client), err_(err), progress_(progress), max_ops_(f.max_txn_ops),
        max_bytes_(static_cast<size_t>(f.max_request_bytes)) {
    if (client_) txns_.emplace(*client_);
  }

  // Adds one record. Throws BadRecord for a key the prefix rewrite refuses. Returns false
  // once a transaction has failed (nothing more is written).
  bool Add(mvccpb::KeyValue& kv, int64_t line) {
    if (failure_) return false;
    ImportItem item{std::move(*kv.mutable_key()), std::move(*kv.mutable_value()), kv.lease(),
                    line};
    if (!f_.prefix_from.empty() || !f_.prefix_to.empty()) {
      RewritePrefix(item.key, f_.prefix_from, f_.prefix_to);
    }
    ++records_;
    record_bytes_ += static_cast<int64_t>(item.key.size() + item.value.size());
    if (f_.dry_run) {
      progress_.Add(1);
      return true;
    }
    size_t bytes = ImportItemBytes(item, f_.if_absent);
    if (batch_keys_.count(item.key) != 0 ||
        static_cast<int64_t>(batch_.items.size()) >= max_ops_ ||
        (!batch_.items.empty() && batch_.bytes + bytes > max_bytes_)) {
      Flush();
    }
    while (!failure_ && in_flight_keys_.count(item.key) != 0) WaitOne();
    if (failure_) return false;
    batch_keys_.insert(item.key);
    batch_.bytes += bytes;
    batch_.items.push_back(std::move(item));
    return true;
  }

  // Writes what is batched and waits for every transaction.
  void Finish() {
    if (!failure_) Flush();
    while (txns_ && txns_->in_flight() > 0) WaitOne();
  }

  void Summary(double seconds, int64_t bad_lines) {
    progress_.Finish();
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.0f", seconds > 0 ? written_ / seconds : 0.0);
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", seconds);
    if (f_.dry_run) {
      err_ << "import --dry-run: " << records_ << " keys valid, " << bad_lines
           << " bad lines, " << record_bytes_ << " bytes, " << secs << " s\n";
    } else {
      err_ << "import: " << written_ << " keys written, " << skipped_ << " skipped, "
           << written_bytes_ << " bytes, " << secs << " s, " << rate << " keys/s";
      if (bad_lines > 0) err_ << ", " << bad_lines << " bad lines";
      err_ << "\n";
    }
    err_.flush();
  }

  // Throws the server's refusal, with the keys whose writing the server confirmed and the
  // first key it did not confirm. Not confirmed is not always not written: etcd applies a
  // transaction that crosses the space quota and then answers "database space exceeded".
  void ThrowFailure() const {
    if (!failure_) return;
    throw Error(ExitCode::kError, failure_->error + " (" + std::to_string(written_) +
                                      " keys written; first key not written: " +
                                      GoQuote(failure_->key) + ", line " +
                                      std::to_string(failure_->line) + ")");
  }

 private:
  struct Batch {
    std::vector<ImportItem> items;
    size_t bytes = 0;
  };
  struct Failure {
    std::string error;
    std::string key;
    int64_t line = 0;
  };

  void Flush() {
    if (batch_.items.empty()) return;
    while (txns_->in_flight() >= std::max<int64_t>(f_.in_flight, 1)) WaitOne();
    if (failure_) return;  // what is batched stays unwritten: it follows the failure
    for (const auto& item : batch_.items) ++in_flight_keys_[item.key];
    Start(std::move(batch_));
    batch_ = Batch();
    batch_keys_.clear();
  }

  void Start(Batch batch) {
    uint64_t tag = next_tag_++;
    txns_->Start(tag, BuildImportTxn(batch.items, f_.if_absent, f_.with_leases),
                 client_->command_timeout());
    pending_.emplace(tag, std::move(batch));
  }

  void Release(const Batch& batch) {
    for (const auto& item : batch.items) {
      auto it = in_flight_keys_.find(item.key);
      if (--it->second == 0) in_flight_keys_.erase(it);
    }
  }

  void WaitOne() {
    client::TxnOutcome outcome = txns_->Next();
    auto node = pending_.extract(outcome.tag);
    Batch& batch = node.mapped();
    if (outcome.ok) {
      for (size_t i = 0; i < batch.items.size(); ++i) {
        bool put = !f_.if_absent ||
                   (static_cast<int>(i) < outcome.response->responses_size() &&
                    outcome.response->responses(static_cast<int>(i)).response_txn().succeeded());
        if (put) {
          ++written_;
          written_bytes_ += static_cast<int64_t>(batch.items[i].key.size() +
                                                 batch.items[i].value.size());
        } else {
          ++skipped_;
        }
      }
      progress_.Set(static_cast<uint64_t>(written_ + skipped_));
      Release(batch);
      return;
    }
    if (TooLargeForServer(outcome.error) && batch.items.size() > 1) {
      // The server's limits are below the flags': halve this batch and the later ones.
      size_t half = batch.items.size() / 2;
      max_ops_ = std::min<int64_t>(max_ops_, static_cast<int64_t>(half));
      max_bytes_ = std::min(max_bytes_, batch.bytes / 2);
      Batch first, second;
      for (size_t i = 0; i < batch.items.size(); ++i) {
        Batch& to = i < half ? first : second;
        to.bytes += ImportItemBytes(batch.items[i], f_.if_absent);
        to.items.push_back(std::move(batch.items[i]));
      }
      Start(std::move(first));
      Start(std::move(second));
      return;
    }
    Release(batch);
    const ImportItem& head = batch.items.front();
    if (!failure_ || head.line < failure_->line) {
      failure_ = Failure{outcome.error, head.key, head.line};
    }
  }

  const ImportFlags& f_;
  client::Client* client_;
  std::ostream& err_;
  output::Progress& progress_;
  std::optional<client::AsyncTxns> txns_;
  int64_t max_ops_;
  size_t max_bytes_;
  Batch batch_;
  std::unordered_set<std::string> batch_keys_;
  std::unordered_map<std::string, int> in_flight_keys_;
  std::map<uint64_t, Batch> pending_;
  uint64_t next_tag_ = 1;
  std::optional<Failure> failure_;
  int64_t records_ = 0, record_bytes_ = 0;
  int64_t written_ = 0, skipped_ = 0, written_bytes_ = 0;
};

void RunImport(Context& ctx, const ImportFlags& f) {
  if (ctx.args().size() > 1) throw Error(ExitCode::kBadArgs, "import takes at most one file");
  if (f.prefix_from.empty() != f.prefix_to.empty() && f.prefix_from.empty()) {
    throw Error(ExitCode::kBadArgs, "--prefix-to needs --prefix-from");
  }
  if (f.max_txn_ops < 1) throw Error(ExitCode::kBadArgs, "--max-txn-ops must be at least 1");
  if (f.max_request_bytes < 1) {
    throw Error(ExitCode::kBadArgs, "--max-request-bytes must be at least 1");
  }
  std::ifstream file;
  std::istream* in = &ctx.io().in;
  if (!ctx.args().empty() && ctx.args()[0] != "-") {
    file.open(ctx.args()[0], std::ios::binary);
    if (!file) {
      throw Error(ExitCode::kIO, "open " + ctx.args()[0] + ": " + ErrnoText(errno));
    }
    in = &file;
  }
  // SIGINT/SIGTERM stop the reading at the next record: what was read is sent and waited
  // for, the summary says what was written, then the process dies of the signal.
  RunStoppable([&](const offline::StopRequested& stop) {
    std::ostream& err = ctx.io().err;
    client::Client* c = f.dry_run ? nullptr : &ctx.client();
    const auto start = Clock::now();
    // Keys written (or checked) and rate on stderr, on a terminal only.
    output::Progress progress(err, ctx.io().err_is_terminal,
                              f.dry_run ? "Checking" : "Importing", output::ProgressUnit::kItems,
                              "keys");
    Importer importer(f, c, err, progress);
    int64_t bad_lines = 0;
    std::optional<std::string> first_bad;  // the first bad record, without --keep-going
    auto bad = [&](const std::string& where, const std::string& what) {
      ++bad_lines;
      if (f.keep_going) {
        progress.Clear();
        err << "Error: " << where << ": " << what << "\n";
      } else if (!first_bad) {
        first_bad = where + ": " + what;
      }
    };

    LineReader lines(*in);
    std::string line;
    mvccpb::KeyValue kv;
    if (lines.Next(line)) {
      if (IsGetJsonDocument(line)) {
        // etcdctl's `get -w json`: one document, usually on one line; read it whole.
        std::string document = std::move(line);
        document += '\n';
        document.append(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
        struct Stop {};
        try {
          ForEachGetJsonKeyValue(document, [&](mvccpb::KeyValue& record, int64_t index) {
            if (stop()) throw Stop();
            try {
              if (!importer.Add(record, index + 1)) throw Stop();
            } catch (const BadRecord& e) {
              bad("kvs[" + std::to_string(index) + "]", e.what());
              if (first_bad) throw Stop();
            }
          });
        } catch (const BadRecord& e) {
          bad("input", e.what());
        } catch (const Stop&) {
        }
      } else {
        do {
          if (stop()) break;
          try {
            ParseExportLine(line, kv);
            if (!importer.Add(kv, lines.line_number())) break;
          } catch (const BadRecord& e) {
            bad("line " + std::to_string(lines.line_number()), e.what());
            if (first_bad) break;
          }
        } while (lines.Next(line));
      }
    }
    importer.Finish();
    importer.Summary(SecondsSince(start), bad_lines);
    importer.ThrowFailure();
    // A bad line stopped the reading before any signal could: it is the error.
    if (first_bad) throw Error(ExitCode::kInvalidInput, *first_bad);
    offline::CheckStop(stop);
    if (bad_lines > 0) throw Error::Reported(ExitCode::kInvalidInput);
  });
}

}  // namespace

void RegisterBulkCommands(CommandTree& tree) {
  tree.Add(nullptr, "export [options] [key_or_prefix] [range_end]",
           "Writes key-values as JSON lines, to restore with import",
           WithOptions(BindExport, RunExport),
      "Writes every key-value of a range as JSON lines, one object per key, read at one\n"
      "revision: the whole keyspace without a key; else the key, [key, range_end), or with\n"
      "--prefix every key that starts with the key, with --from-key every key from the key on.\n"
      "--rev reads an older revision. The range is read in pages, so memory stays flat at\n"
      "any size; the pages are all read at the first one's revision, and a compaction past\n"
      "that revision while reading ends the export with an error (exit 1).\n"
      "\n"
      "Each line is one JSON object, its fields in this order:\n"
      "\n"
      "  {\"key\":\"text\",\"value\":\"text\",\"create_revision\":2,\"mod_revision\":5,\"version\":3,\"lease\":\"694d77a1b2c3d4e5\"}\n"
      "\n"
      "key and value are JSON strings when their bytes are valid UTF-8; otherwise the field is\n"
      "named key_base64 or value_base64 and holds the bytes in standard base64 (with padding).\n"
      "The name is the mark: a reader never mistakes one form for the other, and any bytes\n"
      "(NUL, 0xff, newlines) round-trip exactly. lease is the lease ID in 16 lowercase hex digits, as\n"
      "lease grant prints it, left out when the key has no lease.\n"
      "\n"
      "Output goes to stdout, or with -o FILE to a temporary file beside FILE that is synced\n"
      "and renamed onto FILE once complete (nothing is left behind on failure or Ctrl-C).\n"
      "When stderr is a terminal, a progress line shows the keys written and the rate.\n"
      "Ctrl-C (SIGINT) or SIGTERM stops the export between two keys: stdout ends with a\n"
      "whole line, -o's temporary file is removed, and ectl exits 130 (143); a second signal\n"
      "ends it at once.\n"
      "\n"
      "Examples:\n"
      "  ectl export > all.jsonl\n"
      "  ectl export app/ --prefix -o app.jsonl\n"
      "  ectl export app/ --prefix --rev 1200 | gzip > app-1200.jsonl.gz");
  tree.Add(nullptr, "import [options] [file]",
           "Writes the key-values of an export (or of get -w json) into the store",
           WithOptions(BindImport, RunImport),
      "Reads key-values from file (stdin without one, or with -) and puts them, in\n"
      "transactions of at most --max-txn-ops keys and --max-request-bytes bytes, several\n"
      "in flight at once (--txns-in-flight). When the server refuses a transaction as too\n"
      "large (its own limits are lower), the transaction is split in half and sent again, and\n"
      "later ones are made smaller. At the end a summary goes to stderr: keys written,\n"
      "skipped, bytes (keys and values), seconds and keys per second. While it runs, a\n"
      "progress line shows the keys done and the rate when stderr is a terminal.\n"
      "\n"
      "The input is either export's format, one JSON object per line (see export; revisions\n"
      "and version are read but not used: the store gives new ones), or the output of\n"
      "`etcdctl get -w json` (one document with \"kvs\", keys and values in base64), which is\n"
      "recognised by its first field and read whole. Blank lines are ignored. A key given\n"
      "twice ends with its last value.\n"
      "\n"
      "Bad input (not JSON, no key, bad base64, ...) is reported as `Error: line N: what`\n"
      "(exit 3). Key-values before the first bad line are written, nothing after it; with\n"
      "--keep-going every bad line is reported, the others are written, and the exit code\n"
      "is 3 at the end. --dry-run reads and checks everything and writes nothing.\n"
      "\n"
      "A transaction the server refuses (no space, permission denied, ...) ends the import\n"
      "after the ones in flight are answered: the error names how many keys were written and\n"
      "the first key (in input order) that was not (exit 1). Running the import again, or\n"
      "with --if-absent, finishes the job. (etcd applies the transaction that crosses its\n"
      "space quota and still answers \"database space exceeded\", so that one's keys may be\n"
      "stored although they are reported as not written.)\n"
      "\n"
      "--prefix-from OLD --prefix-to NEW writes each key with OLD replaced by NEW; a key\n"
      "without OLD is bad input. --if-absent writes a key only if it does not exist (one\n"
      "nested transaction per key comparing its create revision with 0), and counts existing\n"
      "keys as skipped: they are never overwritten.\n"
      "\n"
      "Leases are not attached unless --with-leases is given: a lease ID belongs to the\n"
      "cluster and time it was granted in. In another cluster, or once it has expired, the ID\n"
      "mostly does not exist, and a put naming an unknown lease fails (the whole transaction\n"
      "with it). --with-leases is for restoring into the same cluster while the leases live.\n"
      "\n"
      "Ctrl-C (SIGINT) or SIGTERM stops the reading at the next record: what was read is\n"
      "sent, the transactions in flight are answered, the summary says what was written,\n"
      "and ectl exits 130 (143); a second signal ends it at once. Running the import again\n"
      "with --if-absent finishes the job.\n"
      "\n"
      "Examples:\n"
      "  ectl import all.jsonl\n"
      "  ectl export app/ --prefix | ectl import --prefix-from app/ --prefix-to app-copy/\n"
      "  etcdctl get --prefix app/ -w json | ectl import --if-absent");
}

}  // namespace ectl::cli
