// RunPutLoad: the write load of `check perf`: puts at a fixed rate with a bound on the
// requests in flight, over asynchronous calls on the client's channel, timing each one.
// Also Defragment(), for its --auto-defrag clean-up.
#ifndef ECTL_CLIENT_PUT_LOAD_H_
#define ECTL_CLIENT_PUT_LOAD_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "client/canceller.h"
#include "client/config.h"

namespace ectl::client {

class Client;

struct PutLoad {
  int64_t rate = 0;           // puts started per second; 0: as fast as answers come
  int64_t max_in_flight = 1;  // etcdctl's number of clients
  Duration duration{};        // how long puts are started; 0: no limit
  int64_t count = 0;          // how many puts are started; 0: no limit
  std::string value;
  std::function<std::string()> next_key;
  std::function<void()> on_answer;  // called (from another thread) after each answer
};

struct PutLoadResult {
  std::vector<double> latencies;          // seconds, successful puts
  std::map<std::string, int64_t> errors;  // error text -> count
  double total_seconds = 0;               // from the first put to the last answer
};

// Runs the load until its duration has passed, its count is started or the canceller
// fires, then waits for the puts in flight (each bounded by the command timeout).
PutLoadResult RunPutLoad(const Client& client, const PutLoad& load, Canceller& canceller);

// Defragments the member the client is connected to (one endpoint). Throws RpcError.
void Defragment(const Client& client, Duration timeout);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_PUT_LOAD_H_
