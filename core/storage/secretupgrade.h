#pragma once

namespace activity {

class Database;

// The schema upgrade that moves the secrets older versions kept in the database (webhook URLs, credential headers
// and URL parameters in sources' settings) to the data folder's private tokens file (see TokenVault), leaving the
// values masked and where they went. Also masks what quoted them (delivery errors, fetch errors, the HTTP cache).
// In the caller's transaction; returns how many secrets it moved.
namespace SecretUpgrade {
int moveOut(Database& db);
}

} // namespace activity
