/**
 * LoginRadius's rules for the identifiers every section takes (an account's UID, phone ID and
 * user name), checked at our boundary so bad input never costs an upstream call. Shared: no
 * section owns them.
 */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;
export const PHONE_PATTERN = /^\+?[1-9][0-9]{6,14}$/;
export const USER_NAME_PATTERN = /^\S{1,64}$/;

export const UID_MESSAGE = "must be 1 to 50 letters, digits, _ or - (LoginRadius UID rules)";
export const PHONE_MESSAGE = "must be a phone number in E.164 form, e.g. +14155550101";
