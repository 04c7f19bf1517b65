/**
 * People, teams, roles, sign-in and the question every other module asks: who is acting, and what may they see.
 */
package io.stride.identity;
