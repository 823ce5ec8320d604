// Range results decoded as they are read.
//
// A range over 100,000 keys arrives as one ~13 MB message. Parsing it into a
// RangeResponse would hold every key twice (wire bytes and message objects); instead
// the response is received as raw bytes and each KeyValue is decoded into one reused
// message and handed to a visitor, which prints it. Memory stays at the wire bytes.
#ifndef ECTL_CLIENT_RANGE_READER_H_
#define ECTL_CLIENT_RANGE_READER_H_

#include <cstdint>
#include <optional>

#include "client/config.h"

namespace etcdserverpb {
class RangeRequest;
class ResponseHeader;
}  // namespace etcdserverpb
namespace mvccpb {
class KeyValue;
}

namespace ectl::client {

class Client;

class RangeVisitor {
 public:
  virtual ~RangeVisitor() = default;
  // header is null when the response has none.
  virtual void OnBegin(const etcdserverpb::ResponseHeader* header) = 0;
  virtual void OnKeyValue(const mvccpb::KeyValue& kv) = 0;
  virtual void OnEnd(bool more, int64_t count) = 0;
};

// Performs KV.Range and feeds the response to visitor: OnBegin, every key-value in
// order, OnEnd. Throws RpcError when the call fails (before any visitor call).
void RangeStreamed(const Client& client, const etcdserverpb::RangeRequest& request,
                   std::optional<Duration> timeout, RangeVisitor& visitor);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_RANGE_READER_H_
