/**
 * Notifications: in the app and by email (SMTP configured by properties), from events of the other modules.
 */
package io.stride.notification;
