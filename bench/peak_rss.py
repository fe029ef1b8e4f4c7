"""Run a command; report wall time, peak RSS of any one process and peak total RSS of its tree."""
import subprocess, sys, time, os
def tree(pid):
    kids={}
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                with open(f'/proc/{p}/stat') as f: parts=f.read().rsplit(')',1)[1].split()
                kids.setdefault(int(parts[1]),[]).append(int(p))
            except OSError: pass
    out=[pid]; i=0
    while i<len(out):
        out+=kids.get(out[i],[]); i+=1
    return out
def rss(p):
    try:
        with open(f'/proc/{p}/status') as f:
            for l in f:
                if l.startswith('VmRSS'): return int(l.split()[1])
    except OSError: pass
    return 0
t=time.time(); proc=subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
one=tot=0
while proc.poll() is None:
    rs=[rss(p) for p in tree(proc.pid)]
    one=max(one,max(rs)); tot=max(tot,sum(rs)); time.sleep(0.2)
out,err=proc.communicate()
print(f"rc={proc.returncode} {time.time()-t:.1f} s, peak one process {one/1024:.0f} MB, peak tree {tot/1024:.0f} MB")
print(err.decode()[-600:].strip())
