// Loaded before every spec: unit tests never reach the network (local simulators on 127.0.0.1 are allowed).
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
