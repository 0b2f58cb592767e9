// The open connections and the per-connection deadline (see server_context.h).
#include <algorithm>
#include <utility>
#include <limits>

#include "server_context.h"

namespace boravak::server {

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void connection_entry::enter(connection_phase p) {
  phase_bytes.store(0, std::memory_order_relaxed);
  phase_started_ms.store(steady_ms(), std::memory_order_relaxed);
  phase.store(static_cast<int>(p), std::memory_order_relaxed);
}

double connection_entry::pace(std::int64_t now_ms) const {
  const double seconds = std::max<double>(1.0, static_cast<double>(now_ms - phase_started_ms.load(std::memory_order_relaxed)) / 1000.0);
  return static_cast<double>(phase_bytes.load(std::memory_order_relaxed) + 1) / seconds;
}

std::uint64_t connection_registry::add(std::shared_ptr<connection_entry> e) {
  std::lock_guard lock(mutex_);
  ++per_client_[e->client];
  entries_.emplace(++next_, std::move(e));
  return next_;
}

void connection_registry::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(id);
  if (it == entries_.end()) return;
  const auto count = per_client_.find(it->second->client);
  if (count != per_client_.end() && --count->second == 0) per_client_.erase(count);
  entries_.erase(it);
}

std::size_t connection_registry::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t connection_registry::count_for(const std::string& client) {
  std::lock_guard lock(mutex_);
  const auto it = per_client_.find(client);
  return it == per_client_.end() ? 0 : it->second;
}

namespace {
void close_on_its_strand(const std::shared_ptr<connection_entry>& e) {
  net::post(e->executor, [e] {
    boost::system::error_code ignored;
    if (e->socket != nullptr) e->socket->close(ignored);
  });
}
}  // namespace

void connection_registry::close_idle() {
  std::lock_guard lock(mutex_);
  for (auto& [id, e] : entries_)
    if (e->phase.load(std::memory_order_relaxed) == static_cast<int>(connection_phase::waiting)) close_on_its_strand(e);
}

bool connection_registry::evict_one() {
  std::lock_guard lock(mutex_);
  const std::int64_t now = steady_ms();
  std::shared_ptr<connection_entry> chosen;
  double slowest = std::numeric_limits<double>::max();
  for (auto& [id, e] : entries_) {
    if (e->phase.load(std::memory_order_relaxed) == static_cast<int>(connection_phase::working)) continue;
    const double pace = e->pace(now);
    if (pace < slowest) {
      slowest = pace;
      chosen = e;
    }
  }
  if (!chosen) return false;
  // Counted as gone at once, so that the next accept does not choose it again.
  chosen->phase.store(static_cast<int>(connection_phase::working), std::memory_order_relaxed);
  close_on_its_strand(chosen);
  return true;
}

void io_deadline::at(std::chrono::steady_clock::time_point when) {
  state& s = *state_;
  s.passed = false;
  s.when = when;
  if (!s.waiting || when < s.timer.expiry()) {
    s.timer.expires_at(when);  // cancels a later wait, which then returns without waiting again
    wait(state_);
  }
}

void io_deadline::wait(const std::shared_ptr<state>& s) {
  s->waiting = true;
  s->timer.async_wait([keep = s, expiry = s->timer.expiry()](const boost::system::error_code& ec) {
    if (!keep->alive || keep->timer.expiry() != expiry) return;  // destroyed, or replaced by a sooner wait
    keep->waiting = false;
    if (ec) return;
    if (keep->when == std::chrono::steady_clock::time_point::max()) return;  // no deadline now
    if (std::chrono::steady_clock::now() < keep->when) {
      keep->timer.expires_at(keep->when);  // moved later meanwhile: wait for it
      wait(keep);
      return;
    }
    keep->passed = true;
    boost::system::error_code ignored;
    keep->socket.cancel(ignored);
  });
}

net::awaitable<std::shared_ptr<store_turns::turn>> store_turns::take(const std::string& owner) {
  std::shared_ptr<net::steady_timer> wait;
  {
    std::lock_guard lock(mutex_);
    owner_state& o = owners_[owner];
    if (o.running < per_owner_) {
      ++o.running;
    } else {
      wait = std::make_shared<net::steady_timer>(co_await net::this_coro::executor, std::chrono::steady_clock::time_point::max());
      o.waiting.push_back(wait);
    }
  }
  // A turn handed over by give_back() cancels this wait; the running count goes with it.
  if (wait) {
    boost::system::error_code ec;
    co_await wait->async_wait(net::redirect_error(net::use_awaitable, ec));
  }
  co_return std::make_shared<turn>(*this, owner);
}

void store_turns::give_back(const std::string& owner) {
  std::lock_guard lock(mutex_);
  const auto it = owners_.find(owner);
  if (it == owners_.end()) return;
  owner_state& o = it->second;
  if (!o.waiting.empty()) {
    o.waiting.front()->cancel();
    o.waiting.pop_front();
    return;
  }
  if (--o.running == 0) owners_.erase(it);
}

}  // namespace boravak::server
