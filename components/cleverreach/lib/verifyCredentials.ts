import component from './component';

/** The platform's credential check, derived from the provider description (see the kit's verifyCredentialsOf). */
export = component.verifyCredentials;
