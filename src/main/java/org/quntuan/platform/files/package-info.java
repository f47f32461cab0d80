/**
 * File storage for every module: {@link org.quntuan.platform.files.FileStorage} keeps uploads under
 * server-generated names with their metadata, {@link org.quntuan.platform.files.FileResponses} serves
 * them as downloads. Access checks stay with the module that owns the file.
 */
package org.quntuan.platform.files;
