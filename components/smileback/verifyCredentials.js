module.exports = require('./dist/lib/verifyCredentials');
