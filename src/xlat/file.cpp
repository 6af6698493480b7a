// Files and descriptors: open/fcntl/at flags, access modes, file types, xattr, mounts, inotify.
// Order inside a Flags table is the order strace prints the names in.
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/mount.h>
#include <sys/inotify.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xlat/xlat.h"

namespace etrace {

namespace {

// O_LARGEFILE is 0 in 64-bit userspace headers; strace shows the kernel's bit.
constexpr XlatEntry kOpenFlags[] = {
    XLAT(O_CREAT),  XLAT(O_EXCL),   XLAT(O_NOCTTY), XLAT(O_TRUNC),    XLAT(O_APPEND),
    XLAT(O_NONBLOCK), XLAT(O_SYNC), XLAT_PAIR(04000000, "__O_SYNC"), XLAT(O_DSYNC),
    XLAT(O_DIRECT), XLAT_PAIR(0100000, "O_LARGEFILE"), XLAT(O_NOFOLLOW), XLAT(O_NOATIME),
    XLAT(O_CLOEXEC), XLAT(O_PATH), XLAT(O_TMPFILE), XLAT_PAIR(020000000, "__O_TMPFILE"),
    XLAT(O_DIRECTORY), XLAT(FASYNC),
};
constexpr XlatEntry kOpenAccessModes[] = {XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE)};
constexpr XlatEntry kPipeFlags[] = {XLAT(O_NONBLOCK), XLAT(O_DIRECT), XLAT(O_CLOEXEC),
                                    XLAT_PAIR(O_EXCL, "O_NOTIFICATION_PIPE")};
constexpr XlatEntry kCloexecFlags[] = {XLAT(O_CLOEXEC)};
constexpr XlatEntry kAtFlags[] = {
    XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR), XLAT(AT_SYMLINK_FOLLOW),
    XLAT(AT_NO_AUTOMOUNT),     XLAT(AT_EMPTY_PATH), XLAT_PAIR(0x8000, "AT_RECURSIVE"),
};
constexpr XlatEntry kStatxSyncTypes[] = {
    XLAT_PAIR(0x0000, "AT_STATX_SYNC_AS_STAT"), XLAT_PAIR(0x2000, "AT_STATX_FORCE_SYNC"),
    XLAT_PAIR(0x4000, "AT_STATX_DONT_SYNC"), XLAT_PAIR(0x6000, "AT_STATX_SYNC_TYPE")};
constexpr XlatEntry kStatxMask[] = {
    XLAT_PAIR(0xfff, "STATX_ALL"),       XLAT_PAIR(0x7ff, "STATX_BASIC_STATS"),
    XLAT_PAIR(0x1, "STATX_TYPE"),        XLAT_PAIR(0x2, "STATX_MODE"),
    XLAT_PAIR(0x4, "STATX_NLINK"),       XLAT_PAIR(0x8, "STATX_UID"),
    XLAT_PAIR(0x10, "STATX_GID"),        XLAT_PAIR(0x20, "STATX_ATIME"),
    XLAT_PAIR(0x40, "STATX_MTIME"),      XLAT_PAIR(0x80, "STATX_CTIME"),
    XLAT_PAIR(0x100, "STATX_INO"),       XLAT_PAIR(0x200, "STATX_SIZE"),
    XLAT_PAIR(0x400, "STATX_BLOCKS"),    XLAT_PAIR(0x800, "STATX_BTIME"),
    XLAT_PAIR(0x1000, "STATX_MNT_ID"),   XLAT_PAIR(0x2000, "STATX_DIOALIGN"),
    XLAT_PAIR(0x4000, "STATX_MNT_ID_UNIQUE"), XLAT_PAIR(0x8000, "STATX_SUBVOL"),
    XLAT_PAIR(0x10000, "STATX_WRITE_ATOMIC"), XLAT_PAIR(0x20000, "STATX_DIO_READ_ALIGN"),
};
constexpr XlatEntry kAccessModes[] = {XLAT(F_OK), XLAT(R_OK), XLAT(W_OK), XLAT(X_OK)};
constexpr XlatEntry kFcntlCmds[] = {
    XLAT(F_DUPFD),   XLAT(F_GETFD),   XLAT(F_SETFD),    XLAT(F_GETFL),    XLAT(F_SETFL),
    XLAT(F_GETLK),   XLAT(F_SETLK),   XLAT(F_SETLKW),   XLAT(F_SETOWN),   XLAT(F_GETOWN),
    XLAT(F_SETSIG),  XLAT(F_GETSIG),
    // The 32-bit ABI's lock commands: no x86_64 kernel takes them (EINVAL), strace names them.
    XLAT_PAIR(12, "F_GETLK64"), XLAT_PAIR(13, "F_SETLK64"), XLAT_PAIR(14, "F_SETLKW64"),
    XLAT(F_SETOWN_EX), XLAT(F_GETOWN_EX),
    XLAT_PAIR(17, "F_GETOWNER_UIDS"), XLAT(F_OFD_GETLK), XLAT(F_OFD_SETLK), XLAT(F_OFD_SETLKW),
    XLAT(F_SETLEASE), XLAT(F_GETLEASE), XLAT(F_NOTIFY), XLAT_PAIR(1027, "F_DUPFD_QUERY"),
    XLAT_PAIR(1028, "F_CREATED_QUERY"), XLAT_PAIR(1029, "F_CANCELLK"), XLAT(F_DUPFD_CLOEXEC),
    XLAT(F_SETPIPE_SZ), XLAT(F_GETPIPE_SZ), XLAT(F_ADD_SEALS), XLAT(F_GET_SEALS),
    XLAT_PAIR(1035, "F_GET_RW_HINT"), XLAT_PAIR(1036, "F_SET_RW_HINT"),
    XLAT_PAIR(1037, "F_GET_FILE_RW_HINT"), XLAT_PAIR(1038, "F_SET_FILE_RW_HINT"),
};
constexpr XlatEntry kFdFlags[] = {XLAT(FD_CLOEXEC)};
constexpr XlatEntry kFlockTypes[] = {XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK)};
constexpr XlatEntry kFileSeals[] = {XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW),
                                    XLAT(F_SEAL_WRITE), XLAT_PAIR(0x10, "F_SEAL_FUTURE_WRITE"),
                                    XLAT_PAIR(0x20, "F_SEAL_EXEC")};
constexpr XlatEntry kNotifyFlags[] = {XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE), XLAT(DN_DELETE),
                                      XLAT(DN_RENAME), XLAT(DN_ATTRIB), XLAT(DN_MULTISHOT)};
constexpr XlatEntry kSeekWhence[] = {XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA),
                                     XLAT(SEEK_HOLE)};
constexpr XlatEntry kFileTypes[] = {XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO), XLAT(S_IFLNK),
                                    XLAT(S_IFDIR), XLAT(S_IFBLK), XLAT(S_IFCHR)};
constexpr XlatEntry kModeBits[] = {XLAT(S_ISUID), XLAT(S_ISGID), XLAT(S_ISVTX)};
constexpr XlatEntry kRenameat2Flags[] = {XLAT_PAIR(1, "RENAME_NOREPLACE"), XLAT_PAIR(2, "RENAME_EXCHANGE"),
                                         XLAT_PAIR(4, "RENAME_WHITEOUT")};
constexpr XlatEntry kXattrFlags[] = {XLAT_PAIR(1, "XATTR_CREATE"), XLAT_PAIR(2, "XATTR_REPLACE")};
constexpr XlatEntry kSyncFileRangeFlags[] = {XLAT(SYNC_FILE_RANGE_WAIT_BEFORE), XLAT(SYNC_FILE_RANGE_WRITE),
                                             XLAT(SYNC_FILE_RANGE_WAIT_AFTER)};
constexpr XlatEntry kFallocateModes[] = {
    XLAT(FALLOC_FL_KEEP_SIZE), XLAT(FALLOC_FL_PUNCH_HOLE), XLAT(FALLOC_FL_NO_HIDE_STALE),
    XLAT(FALLOC_FL_COLLAPSE_RANGE), XLAT(FALLOC_FL_ZERO_RANGE), XLAT(FALLOC_FL_INSERT_RANGE),
    XLAT(FALLOC_FL_UNSHARE_RANGE), XLAT_PAIR(0x80, "FALLOC_FL_WRITE_ZEROES")};
constexpr XlatEntry kSpliceFlags[] = {XLAT(SPLICE_F_MOVE), XLAT(SPLICE_F_NONBLOCK), XLAT(SPLICE_F_MORE),
                                      XLAT(SPLICE_F_GIFT)};
constexpr XlatEntry kFadviseAdvice[] = {
    XLAT(POSIX_FADV_NORMAL), XLAT(POSIX_FADV_RANDOM), XLAT(POSIX_FADV_SEQUENTIAL),
    XLAT(POSIX_FADV_WILLNEED), XLAT(POSIX_FADV_DONTNEED), XLAT(POSIX_FADV_NOREUSE)};
constexpr XlatEntry kInotifyMask[] = {
    XLAT(IN_ACCESS), XLAT(IN_MODIFY), XLAT(IN_ATTRIB), XLAT(IN_CLOSE_WRITE), XLAT(IN_CLOSE_NOWRITE),
    XLAT(IN_OPEN), XLAT(IN_MOVED_FROM), XLAT(IN_MOVED_TO), XLAT(IN_CREATE), XLAT(IN_DELETE),
    XLAT(IN_DELETE_SELF), XLAT(IN_MOVE_SELF), XLAT(IN_UNMOUNT), XLAT(IN_Q_OVERFLOW), XLAT(IN_IGNORED),
    XLAT(IN_ONLYDIR), XLAT(IN_DONT_FOLLOW), XLAT(IN_EXCL_UNLINK), XLAT(IN_MASK_CREATE), XLAT(IN_MASK_ADD),
    XLAT(IN_ISDIR), XLAT(IN_ONESHOT)};
constexpr XlatEntry kInotifyInitFlags[] = {XLAT(IN_NONBLOCK), XLAT(IN_CLOEXEC)};
// fanotify_init's flags: a notification class (the two bits 0xc, whose zero has a name), then flags.
constexpr XlatEntry kFanotifyClasses[] = {XLAT_PAIR(0x0, "FAN_CLASS_NOTIF"), XLAT_PAIR(0x4, "FAN_CLASS_CONTENT"),
                                          XLAT_PAIR(0x8, "FAN_CLASS_PRE_CONTENT")};
constexpr XlatEntry kFanotifyInitFlags[] = {
    XLAT_PAIR(0x1, "FAN_CLOEXEC"), XLAT_PAIR(0x2, "FAN_NONBLOCK"), XLAT_PAIR(0x10, "FAN_UNLIMITED_QUEUE"),
    XLAT_PAIR(0x20, "FAN_UNLIMITED_MARKS"), XLAT_PAIR(0x40, "FAN_ENABLE_AUDIT"),
    XLAT_PAIR(0x80, "FAN_REPORT_PIDFD"), XLAT_PAIR(0x100, "FAN_REPORT_TID"), XLAT_PAIR(0x200, "FAN_REPORT_FID"),
    XLAT_PAIR(0x400, "FAN_REPORT_DIR_FID"), XLAT_PAIR(0x800, "FAN_REPORT_NAME"),
    XLAT_PAIR(0x1000, "FAN_REPORT_TARGET_FID")};
constexpr XlatEntry kFanotifyMarkFlags[] = {
    XLAT_PAIR(0x1, "FAN_MARK_ADD"), XLAT_PAIR(0x2, "FAN_MARK_REMOVE"), XLAT_PAIR(0x80, "FAN_MARK_FLUSH"),
    XLAT_PAIR(0x4, "FAN_MARK_DONT_FOLLOW"), XLAT_PAIR(0x8, "FAN_MARK_ONLYDIR"),
    XLAT_PAIR(0x10, "FAN_MARK_MOUNT"), XLAT_PAIR(0x100, "FAN_MARK_FILESYSTEM"),
    XLAT_PAIR(0x20, "FAN_MARK_IGNORED_MASK"), XLAT_PAIR(0x40, "FAN_MARK_IGNORED_SURV_MODIFY"),
    XLAT_PAIR(0x200, "FAN_MARK_EVICTABLE"), XLAT_PAIR(0x400, "FAN_MARK_IGNORE")};
constexpr XlatEntry kFanotifyEvents[] = {
    XLAT_PAIR(0x1, "FAN_ACCESS"), XLAT_PAIR(0x2, "FAN_MODIFY"), XLAT_PAIR(0x4, "FAN_ATTRIB"),
    XLAT_PAIR(0x8, "FAN_CLOSE_WRITE"), XLAT_PAIR(0x10, "FAN_CLOSE_NOWRITE"), XLAT_PAIR(0x20, "FAN_OPEN"),
    XLAT_PAIR(0x40, "FAN_MOVED_FROM"), XLAT_PAIR(0x80, "FAN_MOVED_TO"), XLAT_PAIR(0x100, "FAN_CREATE"),
    XLAT_PAIR(0x200, "FAN_DELETE"), XLAT_PAIR(0x400, "FAN_DELETE_SELF"), XLAT_PAIR(0x800, "FAN_MOVE_SELF"),
    XLAT_PAIR(0x1000, "FAN_OPEN_EXEC"), XLAT_PAIR(0x4000, "FAN_Q_OVERFLOW"), XLAT_PAIR(0x8000, "FAN_FS_ERROR"),
    XLAT_PAIR(0x10000, "FAN_OPEN_PERM"), XLAT_PAIR(0x20000, "FAN_ACCESS_PERM"),
    XLAT_PAIR(0x40000, "FAN_OPEN_EXEC_PERM"), XLAT_PAIR(0x8000000, "FAN_EVENT_ON_CHILD"),
    XLAT_PAIR(0x10000000, "FAN_RENAME"), XLAT_PAIR(0x40000000, "FAN_ONDIR")};
constexpr XlatEntry kFlockOps[] = {XLAT(LOCK_SH), XLAT(LOCK_EX), XLAT(LOCK_NB), XLAT(LOCK_UN)};
constexpr XlatEntry kMemfdFlags[] = {XLAT_PAIR(1, "MFD_CLOEXEC"), XLAT_PAIR(2, "MFD_ALLOW_SEALING"),
                                     XLAT_PAIR(4, "MFD_HUGETLB"), XLAT_PAIR(8, "MFD_NOEXEC_SEAL"),
                                     XLAT_PAIR(0x10, "MFD_EXEC")};
constexpr XlatEntry kCloseRangeFlags[] = {XLAT_PAIR(2, "CLOSE_RANGE_UNSHARE"), XLAT_PAIR(4, "CLOSE_RANGE_CLOEXEC")};
constexpr XlatEntry kUmountFlags[] = {XLAT_PAIR(1, "MNT_FORCE"), XLAT_PAIR(2, "MNT_DETACH"),
                                      XLAT_PAIR(4, "MNT_EXPIRE"), XLAT_PAIR(8, "UMOUNT_NOFOLLOW")};
constexpr XlatEntry kMountFlags[] = {
    XLAT(MS_RDONLY), XLAT(MS_NOSUID), XLAT(MS_NODEV), XLAT(MS_NOEXEC), XLAT(MS_SYNCHRONOUS), XLAT(MS_REMOUNT),
    XLAT(MS_MANDLOCK), XLAT(MS_DIRSYNC), XLAT_PAIR(256, "MS_NOSYMFOLLOW"), XLAT(MS_NOATIME),
    XLAT(MS_NODIRATIME), XLAT(MS_BIND), XLAT(MS_MOVE), XLAT(MS_REC), XLAT(MS_SILENT), XLAT(MS_POSIXACL),
    XLAT(MS_UNBINDABLE), XLAT(MS_PRIVATE), XLAT(MS_SLAVE), XLAT(MS_SHARED), XLAT(MS_RELATIME),
    XLAT(MS_KERNMOUNT), XLAT(MS_I_VERSION), XLAT(MS_STRICTATIME), XLAT(MS_LAZYTIME),
    XLAT_PAIR(1 << 26, "MS_SUBMOUNT"), XLAT_PAIR(1 << 27, "MS_NOREMOTELOCK"), XLAT_PAIR(1 << 28, "MS_NOSEC"),
    XLAT_PAIR(1 << 29, "MS_BORN"), XLAT(MS_ACTIVE), XLAT(MS_NOUSER)};
constexpr XlatEntry kOpenTreeFlags[] = {XLAT_PAIR(1, "OPEN_TREE_CLONE"), XLAT_PAIR(O_CLOEXEC, "OPEN_TREE_CLOEXEC"),
                                        XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_NO_AUTOMOUNT), XLAT(AT_EMPTY_PATH),
                                        XLAT_PAIR(0x8000, "AT_RECURSIVE")};
constexpr XlatEntry kMoveMountFlags[] = {
    XLAT_PAIR(0x1, "MOVE_MOUNT_F_SYMLINKS"), XLAT_PAIR(0x2, "MOVE_MOUNT_F_AUTOMOUNTS"),
    XLAT_PAIR(0x4, "MOVE_MOUNT_F_EMPTY_PATH"), XLAT_PAIR(0x10, "MOVE_MOUNT_T_SYMLINKS"),
    XLAT_PAIR(0x20, "MOVE_MOUNT_T_AUTOMOUNTS"), XLAT_PAIR(0x40, "MOVE_MOUNT_T_EMPTY_PATH"),
    XLAT_PAIR(0x100, "MOVE_MOUNT_SET_GROUP"), XLAT_PAIR(0x200, "MOVE_MOUNT_BENEATH")};
constexpr XlatEntry kFsopenFlags[] = {XLAT_PAIR(1, "FSOPEN_CLOEXEC")};
constexpr XlatEntry kFsmountFlags[] = {XLAT_PAIR(1, "FSMOUNT_CLOEXEC")};
constexpr XlatEntry kFspickFlags[] = {XLAT_PAIR(1, "FSPICK_CLOEXEC"), XLAT_PAIR(2, "FSPICK_SYMLINK_NOFOLLOW"),
                                      XLAT_PAIR(4, "FSPICK_NO_AUTOMOUNT"), XLAT_PAIR(8, "FSPICK_EMPTY_PATH")};
constexpr XlatEntry kFsconfigCmds[] = {
    XLAT_PAIR(0, "FSCONFIG_SET_FLAG"), XLAT_PAIR(1, "FSCONFIG_SET_STRING"), XLAT_PAIR(2, "FSCONFIG_SET_BINARY"),
    XLAT_PAIR(3, "FSCONFIG_SET_PATH"), XLAT_PAIR(4, "FSCONFIG_SET_PATH_EMPTY"), XLAT_PAIR(5, "FSCONFIG_SET_FD"),
    XLAT_PAIR(6, "FSCONFIG_CMD_CREATE"), XLAT_PAIR(7, "FSCONFIG_CMD_RECONFIGURE")};
// FSCONFIG_CMD_CREATE_EXCL (8, Linux 6.6) is left out: strace 6.1 shows 0x8 /* FSCONFIG_??? */.
constexpr XlatEntry kMountAttrFlags[] = {
    XLAT_PAIR(0x1, "MOUNT_ATTR_RDONLY"), XLAT_PAIR(0x2, "MOUNT_ATTR_NOSUID"), XLAT_PAIR(0x4, "MOUNT_ATTR_NODEV"),
    XLAT_PAIR(0x8, "MOUNT_ATTR_NOEXEC"), XLAT_PAIR(0x10, "MOUNT_ATTR_NOATIME"),
    XLAT_PAIR(0x20, "MOUNT_ATTR_STRICTATIME"), XLAT_PAIR(0x80, "MOUNT_ATTR_NODIRATIME"),
    XLAT_PAIR(0x100000, "MOUNT_ATTR_IDMAP"), XLAT_PAIR(0x200000, "MOUNT_ATTR_NOSYMFOLLOW")};
// fsmount's attr_flags: strace names only the flags fsmount took at first (not IDMAP, NOSYMFOLLOW).
constexpr std::span<const XlatEntry> kFsmountAttrFlags = std::span(kMountAttrFlags).first(7);
constexpr XlatEntry kDeleteModuleFlags[] = {XLAT(O_NONBLOCK), XLAT(O_TRUNC)};
constexpr XlatEntry kFinitModuleFlags[] = {XLAT_PAIR(1, "MODULE_INIT_IGNORE_MODVERSIONS"),
                                           XLAT_PAIR(2, "MODULE_INIT_IGNORE_VERMAGIC"),
                                           XLAT_PAIR(4, "MODULE_INIT_COMPRESSED_FILE")};
constexpr XlatEntry kUserfaultfdFlags[] = {XLAT_PAIR(1, "UFFD_USER_MODE_ONLY"), XLAT(O_NONBLOCK), XLAT(O_CLOEXEC)};
constexpr XlatEntry kRwfFlags[] = {XLAT_PAIR(1, "RWF_HIPRI"), XLAT_PAIR(2, "RWF_DSYNC"), XLAT_PAIR(4, "RWF_SYNC"),
                                   XLAT_PAIR(8, "RWF_NOWAIT"), XLAT_PAIR(0x10, "RWF_APPEND"),
                                   XLAT_PAIR(0x20, "RWF_NOAPPEND"), XLAT_PAIR(0x40, "RWF_ATOMIC"),
                                   XLAT_PAIR(0x80, "RWF_DONTCACHE")};

constexpr XlatEntry kStatxAttributes[] = {
    XLAT_PAIR(0x4, "STATX_ATTR_COMPRESSED"),    XLAT_PAIR(0x10, "STATX_ATTR_IMMUTABLE"),
    XLAT_PAIR(0x20, "STATX_ATTR_APPEND"),       XLAT_PAIR(0x40, "STATX_ATTR_NODUMP"),
    XLAT_PAIR(0x800, "STATX_ATTR_ENCRYPTED"),   XLAT_PAIR(0x1000, "STATX_ATTR_AUTOMOUNT"),
    XLAT_PAIR(0x2000, "STATX_ATTR_MOUNT_ROOT"), XLAT_PAIR(0x100000, "STATX_ATTR_VERITY"),
    XLAT_PAIR(0x200000, "STATX_ATTR_DAX"),      XLAT_PAIR(0x400000, "STATX_ATTR_WRITE_ATOMIC")};
constexpr XlatEntry kStatfsFlags[] = {
    XLAT_PAIR(0x20, "ST_VALID"),  // strace prints it first
    XLAT_PAIR(0x1, "ST_RDONLY"),       XLAT_PAIR(0x2, "ST_NOSUID"),      XLAT_PAIR(0x4, "ST_NODEV"),
    XLAT_PAIR(0x8, "ST_NOEXEC"),       XLAT_PAIR(0x10, "ST_SYNCHRONOUS"),
    XLAT_PAIR(0x40, "ST_MANDLOCK"),    XLAT_PAIR(0x80, "ST_WRITE"),      XLAT_PAIR(0x100, "ST_APPEND"),
    XLAT_PAIR(0x200, "ST_IMMUTABLE"),  XLAT_PAIR(0x400, "ST_NOATIME"),   XLAT_PAIR(0x800, "ST_NODIRATIME"),
    XLAT_PAIR(0x1000, "ST_RELATIME"),  XLAT_PAIR(0x2000, "ST_NOSYMFOLLOW")};
// The file systems a trace meets in practice (linux/magic.h).
constexpr XlatEntry kFsMagic[] = {
    XLAT_PAIR(0xef53, "EXT2_SUPER_MAGIC"),      XLAT_PAIR(0x01021994, "TMPFS_MAGIC"),
    XLAT_PAIR(0x9fa0, "PROC_SUPER_MAGIC"),      XLAT_PAIR(0x62656572, "SYSFS_MAGIC"),
    XLAT_PAIR(0x794c7630, "OVERLAYFS_SUPER_MAGIC"), XLAT_PAIR(0x9123683e, "BTRFS_SUPER_MAGIC"),
    XLAT_PAIR(0x58465342, "XFS_SUPER_MAGIC"),   XLAT_PAIR(0x63677270, "CGROUP2_SUPER_MAGIC"),
    XLAT_PAIR(0x27e0eb, "CGROUP_SUPER_MAGIC"),  XLAT_PAIR(0x1cd1, "DEVPTS_SUPER_MAGIC"),
    XLAT_PAIR(0x6969, "NFS_SUPER_MAGIC"),       XLAT_PAIR(0x73717368, "SQUASHFS_MAGIC"),
    XLAT_PAIR(0x858458f6, "RAMFS_MAGIC"),       XLAT_PAIR(0x4d44, "MSDOS_SUPER_MAGIC"),
    XLAT_PAIR(0x9660, "ISOFS_SUPER_MAGIC"),     XLAT_PAIR(0x65735546, "FUSE_SUPER_MAGIC"),
    XLAT_PAIR(0x64626720, "DEBUGFS_MAGIC"),     XLAT_PAIR(0x73636673, "SECURITYFS_MAGIC"),
    XLAT_PAIR(0x74726163, "TRACEFS_MAGIC"),     XLAT_PAIR(0xcafe4a11, "BPF_FS_MAGIC"),
    XLAT_PAIR(0x958458f6, "HUGETLBFS_MAGIC"),   XLAT_PAIR(0x19800202, "MQUEUE_MAGIC"),
    XLAT_PAIR(0x42494e4d, "BINFMTFS_MAGIC"),    XLAT_PAIR(0x01021997, "V9FS_MAGIC"),
    XLAT_PAIR(0x2fc12fc1, "ZFS_SUPER_MAGIC"),   XLAT_PAIR(0xf2f52010, "F2FS_SUPER_MAGIC"),
    XLAT_PAIR(0x5346544e, "NTFS_SB_MAGIC"),     XLAT_PAIR(0x3153464a, "JFS_SUPER_MAGIC"),
    XLAT_PAIR(0xff534d42, "CIFS_SUPER_MAGIC"),  XLAT_PAIR(0x6e736673, "NSFS_MAGIC"),
    XLAT_PAIR(0x50495045, "PIPEFS_MAGIC"),      XLAT_PAIR(0x534f434b, "SOCKFS_MAGIC"),
    XLAT_PAIR(0x09041934, "ANON_INODE_FS_MAGIC"), XLAT_PAIR(0x43415d53, "SMACK_MAGIC"),
    XLAT_PAIR(0xf97cff8c, "SELINUX_MAGIC"),     XLAT_PAIR(0x6165676c, "PSTOREFS_MAGIC"),
    XLAT_PAIR(0xde5e81e4, "EFIVARFS_MAGIC"),    XLAT_PAIR(0x2011bab0, "EXFAT_SUPER_MAGIC")};
constexpr XlatEntry kDirentTypes[] = {
    XLAT_PAIR(0, "DT_UNKNOWN"), XLAT_PAIR(1, "DT_FIFO"), XLAT_PAIR(2, "DT_CHR"),   XLAT_PAIR(4, "DT_DIR"),
    XLAT_PAIR(6, "DT_BLK"),     XLAT_PAIR(8, "DT_REG"),  XLAT_PAIR(10, "DT_LNK"),  XLAT_PAIR(12, "DT_SOCK"),
    XLAT_PAIR(14, "DT_WHT")};
constexpr XlatEntry kResolveFlags[] = {XLAT_PAIR(0x01, "RESOLVE_NO_XDEV"),   XLAT_PAIR(0x02, "RESOLVE_NO_MAGICLINKS"),
                                       XLAT_PAIR(0x04, "RESOLVE_NO_SYMLINKS"), XLAT_PAIR(0x08, "RESOLVE_BENEATH"),
                                       XLAT_PAIR(0x10, "RESOLVE_IN_ROOT"),   XLAT_PAIR(0x20, "RESOLVE_CACHED")};

constexpr XlatTable kTables[] = {
    {"access_modes", XlatKind::Flags, kAccessModes, "?_OK"},
    {"at_flags", XlatKind::Flags, kAtFlags},
    {"close_range_flags", XlatKind::Flags, kCloseRangeFlags},
    {"delete_module_flags", XlatKind::Flags, kDeleteModuleFlags},
    {"dirent_types", XlatKind::Enum, kDirentTypes},
    // dup3 rejects every flag but O_CLOEXEC, and strace names them all as open's.
    {"dup3_flags", XlatKind::Flags, kOpenFlags, "O_???"},
    {"fadvise_advice", XlatKind::Enum, kFadviseAdvice},
    {"fallocate_modes", XlatKind::Flags, kFallocateModes},
    {"fanotify_events", XlatKind::Flags, kFanotifyEvents},
    {"fanotify_classes", XlatKind::Enum, kFanotifyClasses, "FAN_CLASS_???"},
    {"fanotify_init_flags", XlatKind::Flags, kFanotifyInitFlags, "FAN_???"},
    {"fanotify_mark_flags", XlatKind::Flags, kFanotifyMarkFlags},
    {"fcntl_cmds", XlatKind::Enum, kFcntlCmds},
    {"fd_flags", XlatKind::Flags, kFdFlags},
    {"file_seals", XlatKind::Flags, kFileSeals},
    {"file_types", XlatKind::Enum, kFileTypes},
    {"finit_module_flags", XlatKind::Flags, kFinitModuleFlags},
    {"flock_ops", XlatKind::Flags, kFlockOps},
    {"flock_types", XlatKind::Enum, kFlockTypes},
    {"fs_magic", XlatKind::Enum, kFsMagic},
    {"fsconfig_cmds", XlatKind::Enum, kFsconfigCmds},
    {"fsmount_attr_flags", XlatKind::Flags, kFsmountAttrFlags, "MOUNT_ATTR_???"},
    {"fsmount_flags", XlatKind::Flags, kFsmountFlags},
    {"fsopen_flags", XlatKind::Flags, kFsopenFlags},
    {"fspick_flags", XlatKind::Flags, kFspickFlags},
    {"inotify_init_flags", XlatKind::Flags, kInotifyInitFlags},
    {"inotify_mask", XlatKind::Flags, kInotifyMask},
    // memfd_secret(0xde97face): strace shows its unknown flags without a placeholder.
    {"memfd_secret_flags", XlatKind::Flags, kCloexecFlags, kXlatNoPlaceholder},
    {"memfd_flags", XlatKind::Flags, kMemfdFlags},
    {"mode_bits", XlatKind::Flags, kModeBits},
    {"mount_attr_flags", XlatKind::Flags, kMountAttrFlags},
    {"mount_flags", XlatKind::Flags, kMountFlags},
    {"move_mount_flags", XlatKind::Flags, kMoveMountFlags},
    {"notify_flags", XlatKind::Flags, kNotifyFlags},
    {"open_access_modes", XlatKind::Enum, kOpenAccessModes},
    {"open_flags", XlatKind::Flags, kOpenFlags},
    {"open_tree_flags", XlatKind::Flags, kOpenTreeFlags, "OPEN_TREE_???"},
    {"pipe_flags", XlatKind::Flags, kPipeFlags},
    {"renameat2_flags", XlatKind::Flags, kRenameat2Flags},
    {"resolve_flags", XlatKind::Flags, kResolveFlags},
    {"rwf_flags", XlatKind::Flags, kRwfFlags},
    {"seek_whence", XlatKind::Enum, kSeekWhence},
    {"splice_flags", XlatKind::Flags, kSpliceFlags},
    {"statfs_flags", XlatKind::Flags, kStatfsFlags},
    {"statx_attributes", XlatKind::Flags, kStatxAttributes},
    {"statx_flags", XlatKind::Flags, kAtFlags},
    {"statx_mask", XlatKind::Flags, kStatxMask},
    {"statx_sync_types", XlatKind::Enum, kStatxSyncTypes},
    {"sync_file_range_flags", XlatKind::Flags, kSyncFileRangeFlags},
    {"umount_flags", XlatKind::Flags, kUmountFlags},
    {"unlinkat_flags", XlatKind::Flags, kAtFlags},
    {"userfaultfd_flags", XlatKind::Flags, kUserfaultfdFlags},
    {"xattr_flags", XlatKind::Flags, kXattrFlags},
};

}  // namespace

std::span<const XlatTable> xlat_tables_file() { return kTables; }

}  // namespace etrace
